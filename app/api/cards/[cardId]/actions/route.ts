import { getSessionUser } from "@/lib/auth/session";
import { idSchema } from "@/lib/cards/schema";
import { getDb } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { applyCardAction } from "@/lib/study/reviews/card-actions";
import { cardActionInputSchema } from "@/lib/study/schema";
import { withOutage } from "@/lib/http/outage";

/** POST /api/cards/ID/actions with {action: "bury" | "unbury" | "suspend" | "unsuspend" | "reset"}. */
async function post(request: Request, context: { params: Promise<{ cardId: string }> }) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const body = cardActionInputSchema.safeParse(read.body);
  if (!body.success) return respond(fail("invalid_input", "Choose bury, unbury, suspend, unsuspend or reset."));
  const cardId = idSchema.safeParse((await context.params).cardId);
  if (!cardId.success) return respond(fail("invalid_input", "Unknown card or action."));
  return respond(await applyCardAction(getDb(), user.id, cardId.data, body.data.action, new Date()));
}

export const POST = withOutage(post);
