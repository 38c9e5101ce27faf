import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { syncReviews } from "@/lib/study/reviews/sync";
import { reviewSyncInputSchema } from "@/lib/study/schema";
import { withOutage } from "@/lib/http/outage";

/** POST /api/reviews/sync: save a batch of reviews made on a device (offline or not); safe to repeat in any order. */
async function post(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const batch = reviewSyncInputSchema.safeParse(read.body);
  // Every refusal of a sync names its reviews in `rejected`; an empty list makes the device's outbox hold the whole batch.
  if (!batch.success) return respond({ ...invalidInput(batch.error, "Check the reviews and try again."), rejected: [] });
  return respond(await syncReviews(getDb(), user.id, batch.data, new Date()));
}

export const POST = withOutage(post);
