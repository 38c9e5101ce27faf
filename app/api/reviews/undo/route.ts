import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { withOutage } from "@/lib/http/outage";
import { undoLastStep } from "@/lib/study/reviews/undo";
import { undoInputSchema } from "@/lib/study/schema";

/**
 * POST /api/reviews/undo: take back the learner's last study step, a review or a card action (bury, suspend,
 * reset…); with {reviewId} or {actionId}, only that step, while nothing later touched its card.
 */
async function post(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  // A body of `null` names no step, like an empty one.
  const named = undoInputSchema.safeParse(read.body ?? {});
  if (!named.success) return respond(invalidInput(named.error, "Check the step to undo and try again."));
  return respond(await undoLastStep(getDb(), user.id, named.data));
}

export const POST = withOutage(post);
