import "server-only";
import { getDb } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { resultAnswer, type JsonEndpoint } from "@/lib/http/json-endpoint";
import { reviewInputSchema, reviewSyncInputSchema } from "@/lib/study/schema";
import { recordReview } from "./mutations";
import { syncReviews } from "./sync";

/** POST /api/reviews: record one grade; safe to retry with the same reviewId. */
export const singleGradeEndpoint: JsonEndpoint = async (userId, body) => {
  const review = reviewInputSchema.safeParse(body);
  if (!review.success) return resultAnswer(invalidInput(review.error, "Check the review and try again."));
  return resultAnswer(await recordReview(getDb(), userId, review.data, new Date()));
};

/** POST /api/reviews/sync: save a batch of reviews made on a device (offline or not); safe to repeat in any order. */
export const reviewSyncEndpoint: JsonEndpoint = async (userId, body) => {
  const batch = reviewSyncInputSchema.safeParse(body);
  // Every refusal of a sync names its reviews in `rejected`; an empty list makes the device's outbox hold the whole batch.
  if (!batch.success) return resultAnswer({ ...invalidInput(batch.error, "Check the reviews and try again."), rejected: [] });
  return resultAnswer(await syncReviews(getDb(), userId, batch.data, new Date()));
};
