import type { Grade, ReviewLog } from "ts-fsrs";
import { fromFsrsCard, prepareCardForReview, type StoredCardState } from "@/lib/srs/card-state";
import { onLearnerDay } from "@/lib/srs/learner-day";
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

/** The card state after a review, and the log row describing the card before it. */
export type GradeResult = { next: StoredCardState; log: ReviewLogFields };

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

/**
 * Applies one review at `now`; `previous` is null for a card the learner has never studied. Elapsed days are
 * counted on the learner's study days (see learner-day.ts), on the server and on the device alike.
 * Throws a RangeError when `now` is before the previous review.
 */
export function gradeCard(
  previous: StoredCardState | null,
  rating: ReviewRating,
  now: Date,
  settings: ReviewSettings,
): GradeResult {
  const card = prepareCardForReview(previous, now);
  const { fsrsCard, fsrsNow, fromFsrs } = onLearnerDay(card, now, settings);
  const { card: nextCard, log } = createScheduler(settings).next(fsrsCard, fsrsNow, rating as Grade);
  return {
    next: fromFsrsCard({ ...nextCard, due: fromFsrs(nextCard.due), last_review: now }),
    log: toReviewLogFields({ ...log, due: card.last_review ?? card.due, review: now }, rating),
  };
}
