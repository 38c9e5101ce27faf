import "server-only";
import { getDb } from "@/lib/db/client";
import { fail, invalidInput } from "@/lib/errors";
import { resultAnswer, type ClaimEndpoint, type JsonEndpoint } from "@/lib/http/json-endpoint";
import { resolveDeckQuery } from "./access";
import { loadStudyQueue } from "./queue/data";
import { recordReview } from "./reviews/mutations";
import { syncReviews } from "./reviews/sync";
import { queueQuerySchema, reviewInputSchema, reviewSyncInputSchema } from "./schema";

/*
 * The study screen's busiest requests, as framework-free endpoints: the route handlers in app/api serve them
 * under `next dev`, and scripts/serve.mjs answers them without Next.js in production (lib/http/direct-routes.ts).
 */

/** POST /api/reviews: record one grade; safe to retry with the same reviewId. The session is confirmed with the learner's lock. */
export const singleGradeEndpoint: ClaimEndpoint = {
  withClaim: async (claim, body) => {
    const review = reviewInputSchema.safeParse(body);
    if (!review.success) return resultAnswer(invalidInput(review.error, "Check the review and try again."));
    return resultAnswer(await recordReview(getDb(), claim, review.data, new Date()));
  },
};

/** POST /api/reviews/sync: save a batch of reviews made on a device (offline or not); safe to repeat in any order. Confirms the session as a grade does. */
export const reviewSyncEndpoint: ClaimEndpoint = {
  withClaim: async (claim, body) => {
    const batch = reviewSyncInputSchema.safeParse(body);
    // Every refusal of a sync names its reviews in `rejected`; an empty list makes the device's outbox hold the whole batch.
    if (!batch.success) return resultAnswer({ ...invalidInput(batch.error, "Check the reviews and try again."), rejected: [] });
    return resultAnswer(await syncReviews(getDb(), claim, batch.data, new Date()));
  },
};

/** GET /api/study/queue?deck=ID: the cards to study now in one deck, or in every deck the learner studies. */
export const studyQueueEndpoint: JsonEndpoint = async (userId, query) => {
  const parsed = queueQuerySchema.safeParse(query);
  if (!parsed.success) return resultAnswer(fail("invalid_input", "Unknown deck."));
  const db = getDb();
  const scope = await resolveDeckQuery(db, userId, parsed.data);
  if (!scope.ok) return resultAnswer(scope);
  const queue = await loadStudyQueue(db, userId, { deckId: scope.data.deck?.id, now: new Date() });
  // A queue is tens of kilobytes of card text, so unlike the small answers it may be compressed on the way.
  return { ...resultAnswer({ ok: true, data: queue }), headers: { "Cache-Control": "no-store" } };
};
