import pg from "pg";
import type { Db } from "./client";
import { databaseUrl } from "./database-url";

export type DatabaseReadiness = "up" | "down" | "read-only";

/** 'on' on a standby or under default_transaction_read_only: reads work, writes fail. */
const READ_ONLY_SQL = `SELECT current_setting('transaction_read_only') AS "readOnly"`;

export type ReadinessTimings = {
  /** Pages are refused (or served) from one answer per this many milliseconds, however many arrive. */
  freshMs: number;
  /** How long a page waits for the answer before going on with the last one. */
  waitMs: number;
  /** A database that has given no answer for this long is down, even though nothing has refused us. */
  silentMs: number;
};

export const READINESS_TIMINGS: ReadinessTimings = { freshMs: 2_000, waitMs: 1_500, silentMs: 10_000 };

export type ReadinessProbe = { readiness(now?: number): Promise<DatabaseReadiness>; close(): Promise<void> };

/**
 * Whether the database answers and takes writes, asked on one connection of its own that is kept open (the proxy
 * in front of pages has no pool of its own), at most once per `freshMs`.
 *
 * A refused or closed connection is "down" at once. A slow answer is not: on two busy cores a new backend or a
 * query can take seconds, and calling that an outage showed 40 students signing up at once the outage page. So a
 * page waits `waitMs` and then goes on with the last answer, and meets the database itself; only a database that
 * has not answered for `silentMs` (a network that drops packets, a frozen server) is called down without a refusal.
 */
export function createReadinessProbe(connectionString: string, timings: ReadinessTimings = READINESS_TIMINGS): ReadinessProbe {
  const pool = new pg.Pool({
    connectionString,
    max: 1,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: timings.silentMs,
    query_timeout: timings.silentMs,
    application_name: "readiness-probe",
  });
  // A kept connection the server closed (a restart, an outage) is dropped; the next question reconnects.
  pool.on("error", () => undefined);
  // Before the first answer the server has just started and is taken to be up: a page that meets an outage says so.
  let known: DatabaseReadiness = "up";
  let asking: { since: number; readiness: Promise<DatabaseReadiness> } | undefined;
  let last: { at: number; readiness: Promise<DatabaseReadiness> } | undefined;

  function ask(): { since: number; readiness: Promise<DatabaseReadiness> } {
    asking ??= {
      since: Date.now(),
      readiness: pool.query<{ readOnly: string }>(READ_ONLY_SQL).then(
        (result) => settle(result.rows[0]?.readOnly === "on" ? "read-only" : "up"),
        () => settle("down"),
      ),
    };
    return asking;
  }

  function settle(readiness: DatabaseReadiness): DatabaseReadiness {
    known = readiness;
    asking = undefined;
    return readiness;
  }

  async function answer(): Promise<DatabaseReadiness> {
    const question = ask();
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<"waited">((resolve) => (timer = setTimeout(resolve, timings.waitMs, "waited")));
    const readiness = await Promise.race([question.readiness, waited]);
    clearTimeout(timer);
    if (readiness !== "waited") return readiness;
    return Date.now() - question.since < timings.silentMs ? known : "down";
  }

  return {
    readiness(now = Date.now()) {
      if (!last || now - last.at > timings.freshMs) last = { at: now, readiness: answer() };
      return last.readiness;
    },
    close: () => pool.end(),
  };
}

let shared: ReadinessProbe | undefined;

/** The answer pages get from `proxy.ts`, through one probe per process on the app's database. */
export function databaseReadiness(now = Date.now()): Promise<DatabaseReadiness> {
  shared ??= createReadinessProbe(databaseUrl());
  return shared.readiness(now);
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
