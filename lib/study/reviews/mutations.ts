import "server-only";
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { type ActionResult, fail, ok } from "@/lib/errors";
import { gradeCard, type ReviewRating } from "@/lib/srs/grade";

import { balanceOnServer } from "../queue/due-load";
import { readGradeInputs, toPreviousStateJson, writeReview } from "./rows";
import { learnerId, withStudyLockSql, type Learner } from "./lock";
import { parseCardState, previousStateSchema, serializeCardState, type CardStateJson, type ParsedReviewInput } from "../schema";
import { pickFsrsState } from "./state-row";

export type GradeOutcome = { reviewId: string; cardId: string; rating: number; reviewedAt: string; state: CardStateJson };
/** The card changed since the client loaded it (another tab or device); `current` is what it is now. */
export type GradeConflict = ReturnType<typeof fail> & { code: "conflict"; current: CardStateJson | null };
export type GradeResult = ActionResult<GradeOutcome> | GradeConflict;

const DAY_MS = 86_400_000;
/**
 * How far a claimed review time may stray from the server's clock. Inside it, a phone's skewed clock or a
 * review sent late from the offline outbox is clamped and kept; outside it the time is a forgery or garbage,
 * and recording it would corrupt the schedule and the statistics.
 */
export const REVIEW_TIME_WINDOW = { pastMs: 90 * DAY_MS, futureMs: DAY_MS } as const;

function isPlausibleReviewTime(claimed: Date | undefined, now: Date): boolean {
  if (!claimed) return true;
  const offset = claimed.getTime() - now.getTime();
  return offset <= REVIEW_TIME_WINDOW.futureMs && offset >= -REVIEW_TIME_WINDOW.pastMs;
}

/** The client's time of the review, kept between the previous review and the server's clock. */
function clampReviewTime(claimed: Date | undefined, previousReview: Date | null, now: Date): Date {
  const latest = Math.min((claimed ?? now).getTime(), now.getTime());
  return new Date(Math.max(latest, previousReview?.getTime() ?? -Infinity));
}

/**
 * Records one grade: idempotent on `reviewId`, refused with the current state when the card changed since
 * the client saw it (`expectedLastReview`), and scheduled by lib/srs with the learner's settings, load balanced on
 * the learner's reviews due in the database. The input is parsed already (reviewInputSchema, by POST /api/reviews);
 * whether its time is plausible depends on the server's clock, so that is checked here. A request's session claim
 * is confirmed with the lock (lock.ts).
 */
export async function recordReview(db: Db, learner: Learner, input: ParsedReviewInput, now: Date): Promise<GradeResult> {
  if (!isPlausibleReviewTime(input.reviewedAt, now)) {
    const message = "The review time is more than a day ahead of or 90 days behind the server's clock.";
    return fail("invalid_input", message, { fieldErrors: { reviewedAt: [message] } });
  }
  return withStudyLockSql(db, learner, (sql) => applyReview(sql, learnerId(learner), input, now));
}

async function applyReview(sql: Sql, userId: string, input: ParsedReviewInput, now: Date): Promise<GradeResult> {
  const { settings, cardsMadeAt, reviews, states } = await readGradeInputs(sql, userId, [input.reviewId], [input.cardId]);
  if (!cardsMadeAt.has(input.cardId)) return fail("not_found", "That card is not in your decks.");
  const earlier = reviews.get(input.reviewId);
  if (earlier) {
    if (earlier.userId !== userId) return fail("invalid_input", "This review id was already used.");
    // A retry carries the same body; another card or rating under a used id is a conflict, and the stored review stays.
    if (earlier.cardId !== input.cardId || earlier.rating !== input.rating) {
      const message = `Review ${input.reviewId} was already saved with another card or rating. Send a new review id for a new review.`;
      return fail("conflict", message);
    }
    // The schedule is deterministic (ts-fsrs seeds its fuzz from the review; the balanced day is stored), so replaying gives the first answer.
    const previous = earlier.previousState === null ? null : parseCardState(previousStateSchema.parse(earlier.previousState));
    const balance = { reviewId: input.reviewId, easyDays: settings.easyDays, chosenInterval: earlier.chosenInterval };
    const { next } = gradeCard(previous, earlier.rating as ReviewRating, earlier.reviewedAt, settings, balance);
    return ok(describeReview(input.reviewId, input.cardId, earlier.rating, earlier.reviewedAt, next));
  }

  const row = states.get(input.cardId) ?? null;
  if ((row?.lastReview?.getTime() ?? null) !== (input.expectedLastReview?.getTime() ?? null)) {
    return {
      ...fail("conflict", "This card was studied elsewhere since you loaded it."),
      code: "conflict",
      current: row ? serializeCardState(pickFsrsState(row)) : null,
    };
  }
  const previous = row ? pickFsrsState(row) : null;
  const reviewedAt = clampReviewTime(input.reviewedAt, previous?.lastReview ?? null, now);
  const balance = await balanceOnServer(sql, userId, { ...input, reviewedAt }, previous, settings);
  const { next, log, chosenInterval } = gradeCard(previous, input.rating, reviewedAt, settings, balance);
  const review = {
    id: input.reviewId,
    userId,
    cardId: input.cardId,
    durationMs: input.durationMs,
    previousState: row ? toPreviousStateJson(row) : null,
    createdAt: new Date(),
  };
  await writeReview(sql, review, next, log, chosenInterval);
  return ok(describeReview(input.reviewId, input.cardId, input.rating, reviewedAt, next));
}

function describeReview(reviewId: string, cardId: string, rating: number, reviewedAt: Date, next: Parameters<typeof serializeCardState>[0]): GradeOutcome {
  return { reviewId, cardId, rating, reviewedAt: reviewedAt.toISOString(), state: serializeCardState(next) };
}
