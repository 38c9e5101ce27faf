import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { syncReviews } from "@/lib/study/reviews/sync";
import { withOutage } from "@/lib/http/outage";

/** POST /api/reviews/sync: save a batch of reviews made on a device (offline or not); safe to repeat in any order. */
async function post(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  return respond(await syncReviews(getDb(), user.id, read.body, new Date()));
}

export const POST = withOutage(post);
