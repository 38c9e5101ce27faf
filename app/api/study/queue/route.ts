import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { respond, unauthenticated } from "@/lib/http/json-route";
import { fail } from "@/lib/errors";
import { findStudiableDeck } from "@/lib/study/access";
import { loadStudyQueue } from "@/lib/study/data";
import { queueQuerySchema } from "@/lib/study/schema";

export const dynamic = "force-dynamic";

/** GET /api/study/queue?deck=ID: the cards to study now in one deck, or in every deck the learner studies. */
export async function GET(request: NextRequest) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const query = queueQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return respond(fail("invalid_input", "Unknown deck."));
  const db = getDb();
  if (query.data.deck && !(await findStudiableDeck(db, user.id, query.data.deck))) return respond(fail("not_found", "That deck is not in your decks."));
  const queue = await loadStudyQueue(db, user.id, { deckId: query.data.deck, now: new Date() });
  return NextResponse.json({ ok: true, ...queue }, { headers: { "cache-control": "no-store" } });
}
