import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { respond, unauthenticated } from "@/lib/http/json-route";
import { resolveDeckQuery } from "@/lib/study/access";
import { queueQuerySchema } from "@/lib/study/schema";
import { loadStudyQueue } from "@/lib/study/queue/data";
import { withOutage } from "@/lib/http/outage";

export const dynamic = "force-dynamic";

/** GET /api/study/queue?deck=ID: the cards to study now in one deck, or in every deck the learner studies. */
async function get(request: NextRequest) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const query = queueQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return respond(fail("invalid_input", "Unknown deck."));
  const db = getDb();
  const scope = await resolveDeckQuery(db, user.id, query.data);
  if (!scope.ok) return respond(scope);
  const queue = await loadStudyQueue(db, user.id, { deckId: scope.data.deck?.id, now: new Date() });
  return NextResponse.json({ ok: true, ...queue }, { headers: { "cache-control": "no-store" } });
}

export const GET = withOutage(get);
