import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { applyCardAction } from "@/lib/study/reviews/card-actions";
import { cardActionSchema } from "@/lib/study/schema";
import { withOutage } from "@/lib/http/outage";

const bodySchema = z.object({ action: cardActionSchema });

/** POST /api/cards/ID/actions with {action: "bury" | "unbury" | "suspend" | "unsuspend" | "reset"}. */
async function post(request: Request, context: { params: Promise<{ cardId: string }> }) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const body = bodySchema.safeParse(read.body);
  if (!body.success) return respond(fail("invalid_input", "Choose bury, unbury, suspend, unsuspend or reset."));
  const { cardId } = await context.params;
  return respond(await applyCardAction(getDb(), user.id, cardId, body.data.action, new Date()));
}

export const POST = withOutage(post);
