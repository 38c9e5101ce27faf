import "server-only";
import type { Db } from "@/lib/db/client";
import { sqlOnPrisma, type Sql } from "@/lib/db/sql";
import { type ActionResult, fail, ok } from "@/lib/errors";
import type { StoredCardState } from "@/lib/srs/card-state";
import type { StudySettings } from "@/lib/srs/settings";
import { mergeReviewEvents } from "@/lib/srs/replay";
import { learnerId, withStudyLock, withStudyLockSql, type Learner } from "./lock";
import { appendLatestReview, rebuildCardHistory, type AddedReview } from "./history";
import { readGradeInputs } from "./rows";
import { serializeCardState, type CardStateJson, type ParsedSyncInput, type ParsedSyncReview } from "../schema";

/** Without the device's clock reading, a time this far ahead of the server is taken as the device's drift. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type SyncRejectionReason = "unknown_card" | "in_future" | "before_card" | "id_reused" | "id_conflict";
export type SyncRejection = { reviewId: string; reason: SyncRejectionReason };
export type SyncFailure = ReturnType<typeof fail> & { rejected: SyncRejection[] };
export type SyncOutcome = {
  /** Reviews written now; the rest of the batch was already on the server. */
  added: string[];
  duplicates: string[];
  /** Every card the batch touched, as the server holds it after the sync. */
  cards: { cardId: string; state: CardStateJson | null }[];
};

const REASON_TEXT: Record<SyncRejectionReason, string> = {
  unknown_card: "a card that is not in your decks",
  in_future: "a review time in the future",
  before_card: "a review time before the card was made",
  id_reused: "a review id already used for another card",
  id_conflict: "a review id already saved with another card or rating",
};

function reject(rejected: SyncRejection[]): SyncFailure {
  const reasons = [...new Set(rejected.map((entry) => REASON_TEXT[entry.reason]))].join("; ");
  return { ...fail("invalid_input", `Some reviews could not be saved: ${reasons}.`), rejected };
}

/**
 * 409: the same review id sent again with another card or rating. An id stands for one review, so the stored one
 * stays and the batch is refused, naming each id, rather than answered as if the new body had been saved.
 */
function conflict(reviewIds: string[]): SyncFailure {
  const message = `Review ${reviewIds.join(", ")} ${reviewIds.length === 1 ? "was" : "were"} already saved with another card or rating; nothing in this batch was saved. Send a new review id for a new review.`;
  return { ...fail("conflict", message), rejected: reviewIds.map((reviewId) => ({ reviewId, reason: "id_conflict" as const })) };
}

/**
 * The batch on the server's clock. With the device's clock reading (`sentAt`), every review moves by the
 * device's clock error, so order and gaps stay as the student made them and nothing is refused for the clock:
 * the latest review stands in for the device's clock if that was set back since, and a review the card's
 * history cannot hold (the clock was changed between reviewing and sending) is placed when the card was made.
 * Without it, times in the far future or before the card are refused and a little ahead counts as now.
 */
function placeReviews(createdAt: Map<string, number>, reviews: ParsedSyncReview[], sentAt: Date | undefined, now: Date) {
  const deviceNow = sentAt && Math.max(sentAt.getTime(), ...reviews.map((review) => review.reviewedAt.getTime()));
  const offset = deviceNow === undefined ? 0 : now.getTime() - deviceNow;
  const rejected: SyncRejection[] = [];
  const placed = reviews.flatMap((review) => {
    const madeAt = createdAt.get(review.cardId);
    const at = review.reviewedAt.getTime() + offset;
    if (madeAt === undefined) rejected.push({ reviewId: review.reviewId, reason: "unknown_card" });
    else if (!sentAt && at > now.getTime() + CLOCK_SKEW_MS) rejected.push({ reviewId: review.reviewId, reason: "in_future" });
    else if (!sentAt && at < madeAt) rejected.push({ reviewId: review.reviewId, reason: "before_card" });
    else return [{ ...review, id: review.reviewId, reviewedAt: new Date(Math.min(Math.max(at, madeAt), now.getTime())) }];
    return [];
  });
  return { placed, rejected };
}

/**
 * Saves reviews made on a device, online or offline, in any order and any number of times: reviews already
 * stored (by id) are skipped, new ones join the card's log, and each touched card is recomputed by replaying its
 * whole log in review-time order. So the result equals applying every distinct review once in time order, and a
 * review made offline is never refused as stale. A batch with any unacceptable review is refused whole (400,
 * with each offending id and why) so the device can set those aside and send the rest. Reviews a device kept for
 * another account are refused (403) and stay on the device until that account signs in there again. The batch is
 * parsed already (reviewSyncInputSchema, by POST /api/reviews/sync); what is refused here depends on the database.
 * A request's session claim is confirmed with the lock (lock.ts).
 */
export async function syncReviews(db: Db, learner: Learner, batch: ParsedSyncInput, now: Date): Promise<ActionResult<SyncOutcome> | SyncFailure> {
  const userId = learnerId(learner);
  if (batch.learnerId && batch.learnerId !== userId) return { ...fail("forbidden", "These reviews were made by another account."), rejected: [] };
  // The plain-SQL path covers reviews later than their card's log (nearly every sync); a review that lands inside
  // a card's history rolls it back and the whole batch is saved again with the log replay, on Prisma's models.
  return withStudyLockSql(db, learner, (sql) => saveBatch(sql, userId, batch, now, null)).catch((error: unknown) => {
    if (!(error instanceof NeedsReplay)) throw error;
    return withStudyLock(db, learner, (tx) =>
      saveBatch(sqlOnPrisma(tx), userId, batch, now, (cardId, added, settings) => rebuildCardHistory(tx, userId, cardId, added, settings)),
    );
  });
}

/** Thrown to roll back the plain-SQL transaction when a card's log has to be replayed. */
class NeedsReplay extends Error {}

/** Under the learner's lock: places the batch, refuses reused or changed ids, skips stored ones, and writes the rest card by card. */
async function saveBatch(
  sql: Sql,
  userId: string,
  batch: ParsedSyncInput,
  now: Date,
  replay: ((cardId: string, added: AddedReview[], settings: StudySettings) => Promise<StoredCardState | null>) | null,
): Promise<ActionResult<SyncOutcome> | SyncFailure> {
  const inputs = await readGradeInputs(
    sql,
    userId,
    batch.reviews.map((review) => review.reviewId),
    [...new Set(batch.reviews.map((review) => review.cardId))],
  );
  const { placed, rejected } = placeReviews(inputs.cardsMadeAt, batch.reviews, batch.sentAt, now);
  if (rejected.length > 0) return reject(rejected);
  const reviews = mergeReviewEvents(placed);
  const { settings, reviews: storedById, states } = inputs;
  // Another account's id is refused without saying whose it is; one of this account's with another body is a conflict.
  const reused = reviews.filter((review) => (storedById.get(review.id)?.userId ?? userId) !== userId);
  if (reused.length > 0) return reject(reused.map((review) => ({ reviewId: review.id, reason: "id_reused" as const })));
  const changed = reviews.filter((review) => {
    const row = storedById.get(review.id);
    return row !== undefined && (row.cardId !== review.cardId || row.rating !== review.rating);
  });
  if (changed.length > 0) return conflict(changed.map((review) => review.id));

  const fresh = reviews.filter((review) => !storedById.has(review.id));
  // Write order in time order, after everything already stored, so undo takes back the latest of this batch.
  const writtenAt = new Date();
  const byCard = new Map<string, typeof fresh>();
  for (const review of reviews) byCard.set(review.cardId, [...(byCard.get(review.cardId) ?? []), ...(storedById.has(review.id) ? [] : [review])]);
  const cards: SyncOutcome["cards"] = [];
  for (const [cardId, added] of byCard) {
    const toWrite = added.map((review) => ({ ...review, createdAt: new Date(writtenAt.getTime() + fresh.indexOf(review)) }));
    const appended = await appendLatestReview(sql, userId, cardId, states.get(cardId) ?? null, toWrite, settings);
    if (appended === undefined && !replay) throw new NeedsReplay();
    const state = appended ?? (await replay!(cardId, toWrite, settings));
    cards.push({ cardId, state: state && serializeCardState(state) });
  }
  return ok({ added: fresh.map((review) => review.id), duplicates: reviews.filter((review) => storedById.has(review.id)).map((review) => review.id), cards });
}
