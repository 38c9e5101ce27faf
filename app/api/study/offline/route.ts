import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { respond, unauthenticated } from "@/lib/http/json-route";
import { findStudiableDeck } from "@/lib/study/access";
import { loadOfflinePack } from "@/lib/study/offline-data";
import { queueQuerySchema } from "@/lib/study/schema";

export const dynamic = "force-dynamic";

/** GET /api/study/offline?deck=ID: the next few days of study for the device to keep in IndexedDB. */
export async function GET(request: NextRequest) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const query = queueQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return respond(fail("invalid_input", "Unknown deck."));
  const db = getDb();
  const deck = query.data.deck ? await findStudiableDeck(db, user.id, query.data.deck) : null;
  if (query.data.deck && !deck) return respond(fail("not_found", "That deck is not in your decks."));
  const pack = await loadOfflinePack(db, user.id, { deck: deck ?? undefined, now: new Date() });
  // The pack lives in IndexedDB; neither the browser's HTTP cache nor the service worker keeps a copy.
  return NextResponse.json({ ok: true, ...pack }, { headers: { "cache-control": "no-store" } });
}
