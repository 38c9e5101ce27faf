import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { withOutage } from "@/lib/http/outage";
import { undoLastStep } from "@/lib/study/reviews/undo";

/**
 * POST /api/reviews/undo: take back the learner's last study step, a review or a card action (bury, suspend,
 * reset…); with {reviewId} or {actionId}, only that step, while nothing later touched its card.
 */
async function post(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  return respond(await undoLastStep(getDb(), user.id, read.body, new Date()));
}

export const POST = withOutage(post);
