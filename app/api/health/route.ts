import { NextResponse } from "next/server";
import { OUTAGE_RETRY_AFTER_SECONDS } from "@/lib/db/availability";
import { getDb } from "@/lib/db/client";
import { poolReadiness } from "@/lib/db/readiness-probe";

export const dynamic = "force-dynamic";

/**
 * Readiness for load balancers and the start script: 200 only when the database answers and takes writes. A
 * database that is down or read-only (a standby, or `default_transaction_read_only`) gives 503 with Retry-After,
 * so a balancer drains this instance instead of sending it grades it cannot store.
 */
export async function GET() {
  const database = await poolReadiness(getDb());
  if (database === "up") return NextResponse.json({ ok: true, database });
  return NextResponse.json({ ok: false, database }, { status: 503, headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) } });
}
