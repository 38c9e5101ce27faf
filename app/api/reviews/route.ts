import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { recordReview } from "@/lib/study/reviews/mutations";
import { reviewInputSchema } from "@/lib/study/schema";
import { withOutage } from "@/lib/http/outage";

/** POST /api/reviews: record one grade; safe to retry with the same reviewId. */
async function post(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const review = reviewInputSchema.safeParse(read.body);
  if (!review.success) return respond(invalidInput(review.error, "Check the review and try again."));
  return respond(await recordReview(getDb(), user.id, review.data, new Date()));
}

export const POST = withOutage(post);
