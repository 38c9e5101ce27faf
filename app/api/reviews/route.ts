import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { recordReview } from "@/lib/study/reviews/mutations";
import { withOutage } from "@/lib/http/outage";

/** POST /api/reviews: record one grade; safe to retry with the same reviewId. */
async function post(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  return respond(await recordReview(getDb(), user.id, read.body, new Date()));
}

export const POST = withOutage(post);
