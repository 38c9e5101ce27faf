import pg from "pg";
import type { Db } from "./client";
import { databaseUrl } from "./database-url";

export type DatabaseReadiness = "up" | "down" | "read-only";

/** 'on' on a standby or under default_transaction_read_only: reads work, writes fail. */
const READ_ONLY_SQL = `SELECT current_setting('transaction_read_only') AS "readOnly"`;

// Pages are refused (or served) from one answer per this many milliseconds, however many arrive.
const FRESH_MS = 2_000;
const PROBE_TIMEOUT_MS = 1_500;

let last: { at: number; readiness: Promise<DatabaseReadiness> } | undefined;

async function probe(): Promise<DatabaseReadiness> {
  const client = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    const result = await client.query<{ readOnly: string }>(READ_ONLY_SQL);
    return result.rows[0]?.readOnly === "on" ? "read-only" : "up";
  } catch {
    return "down";
  } finally {
    client.end().catch(() => undefined);
  }
}

/**
 * Whether the database answers and takes writes, asked on its own short-lived connection (the proxy in front of
 * pages has no pool of its own) at most once per two seconds.
 */
export function databaseReadiness(now = Date.now()): Promise<DatabaseReadiness> {
  if (!last || now - last.at > FRESH_MS) last = { at: now, readiness: probe() };
  return last.readiness;
}

/** The same question through the app's own pool: the answer a grade arriving now would get. */
export async function poolReadiness(db: Db): Promise<DatabaseReadiness> {
  try {
    const [row] = await db.$queryRawUnsafe<{ readOnly: string }[]>(READ_ONLY_SQL);
    return row?.readOnly === "on" ? "read-only" : "up";
  } catch {
    return "down";
  }
}
