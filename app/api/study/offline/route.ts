import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { respond, unauthenticated } from "@/lib/http/json-route";
import { resolveDeckQuery } from "@/lib/study/access";
import { queueQuerySchema } from "@/lib/study/schema";
import { loadOfflinePack } from "@/lib/study/device/offline-data";
import { withOutage } from "@/lib/http/outage";

export const dynamic = "force-dynamic";

/** GET /api/study/offline?deck=ID: the next few days of study for the device to keep in IndexedDB. */
async function get(request: NextRequest) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const query = queueQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return respond(fail("invalid_input", "Unknown deck."));
  const db = getDb();
  const scope = await resolveDeckQuery(db, user.id, query.data);
  if (!scope.ok) return respond(scope);
  const pack = await loadOfflinePack(db, user.id, { deck: scope.data.deck ?? undefined, now: new Date() });
  // The pack lives in IndexedDB; neither the browser's HTTP cache nor the service worker keeps a copy.
  return NextResponse.json({ ok: true, ...pack }, { headers: { "cache-control": "no-store" } });
}

export const GET = withOutage(get);
