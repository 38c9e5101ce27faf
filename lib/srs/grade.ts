import { State, type Grade, type ReviewLog } from "ts-fsrs";
import { fromFsrsCard, prepareCardForReview, type StoredCardState } from "@/lib/srs/card-state";
import { studyDayKey } from "@/lib/srs/day";
import { onLearnerDay } from "@/lib/srs/learner-day";
import { findFuzzRange, pickInterval, type FuzzRange, type LoadBalance } from "@/lib/srs/load-balance";
import { createScheduler } from "@/lib/srs/scheduler";
import type { ReviewSettings } from "@/lib/srs/settings";

/** 1 again, 2 hard, 3 good, 4 easy. */
export type ReviewRating = 1 | 2 | 3 | 4;

/** The ReviewLog columns: the card as it was before the review, in ts-fsrs ReviewLog terms. */
export type ReviewLogFields = {
  rating: ReviewRating;
  state: number;
  /** ts-fsrs records the previous review time here (the original due only for a new card). */
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
};

/**
 * The card state after a review, and the log row describing the card before it. `chosenInterval` is the day load
 * balancing picked (stored with the review so replays keep it); null when it did not apply.
 */
export type GradeResult = { next: StoredCardState; log: ReviewLogFields; chosenInterval: number | null };

const DAY_MS = 86_400_000;

function toReviewLogFields(log: ReviewLog, rating: ReviewRating): ReviewLogFields {
  return {
    rating,
    state: log.state,
    due: new Date(log.due),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    reviewedAt: new Date(log.review),
  };
}

/** ts-fsrs's review on the learner's day, and the range load balancing may choose from (computed on demand). */
function runScheduler(previous: StoredCardState | null, rating: ReviewRating, now: Date, settings: ReviewSettings) {
  const card = prepareCardForReview(previous, now);
  const { fsrsCard, fsrsNow, fromFsrs } = onLearnerDay(card, now, settings);
  const { card: nextCard, log } = createScheduler(settings).next(fsrsCard, fsrsNow, rating as Grade);
  const balanceRange = () => (nextCard.state === State.Review ? findFuzzRange(fsrsCard, fsrsNow, rating as Grade, log.elapsed_days, settings) : null);
  return { card, nextCard, log, fromFsrs, balanceRange };
}

/**
 * Applies one review at `now`; `previous` is null for a card the learner has never studied. Elapsed days are
 * counted on the learner's study days (see learner-day.ts), on the server and on the device alike. With `balance`,
 * a review interval ts-fsrs would fuzz lands instead on the day of its fuzz range that `balance` picks (see
 * load-balance.ts); stability and difficulty stay ts-fsrs's. Throws a RangeError when `now` is before the previous review.
 */
export function gradeCard(previous: StoredCardState | null, rating: ReviewRating, now: Date, settings: ReviewSettings, balance?: LoadBalance): GradeResult {
  const { card, nextCard, log, fromFsrs, balanceRange } = runScheduler(previous, rating, now, settings);
  const range = balance ? balanceRange() : null;
  const chosenInterval =
    range && balance ? pickInterval(range, now, { ...balance, dayKey: balance.dayKey ?? ((instant) => studyDayKey(instant, settings)) }) : null;
  const due = chosenInterval === null ? fromFsrs(nextCard.due) : new Date(now.getTime() + chosenInterval * DAY_MS);
  return {
    next: fromFsrsCard({ ...nextCard, due, scheduled_days: chosenInterval ?? nextCard.scheduled_days, last_review: now }),
    log: toReviewLogFields({ ...log, due: card.last_review ?? card.due, review: now }, rating),
    chosenInterval,
  };
}

/**
 * The days load balancing may choose from for this review, or null when it has no choice; the server asks before
 * grading, to read the learner's load for those days only when it has to pick.
 */
export function findBalanceRange(previous: StoredCardState | null, rating: ReviewRating, now: Date, settings: ReviewSettings): FuzzRange | null {
  return runScheduler(previous, rating, now, settings).balanceRange();
}
