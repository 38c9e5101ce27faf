import { createHash } from "node:crypto";
import pg from "pg";

/*
 * Plain SQL on the pool under the Prisma client, for the paths every grade and session check take. Prisma 6's
 * client engine spends ≈0.5 ms of CPU on a raw query and ≈1.1 ms on a model query (its query compiler runs in
 * WebAssembly on the event loop); pg spends a few hundredths of that. Everything else stays on Prisma.
 */

export type SqlRunner = pg.Pool | pg.PoolClient;

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;
// Prisma keeps DateTime columns as `timestamp(3)` in UTC; pg would read them in the process's time zone.
const parseUtc = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE ? parseUtc : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/*
 * Each statement is prepared once per connection, under a name derived from its text, and then only bound and
 * executed: PostgreSQL's parse and plan were three quarters of the study queue's database time (about 3 of 4 ms
 * a queue), and after five runs it keeps a generic plan when that costs no more than planning each time. Every
 * statement text here is a constant; past MAX_PREPARED distinct texts (which would mean one was built from data),
 * statements run unprepared, so a connection's prepared set stays bounded.
 */
const MAX_PREPARED = 500;
const statementNames = new Map<string, string>();

function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known || statementNames.size >= MAX_PREPARED) return known;
  const name = `ar_${createHash("sha1").update(text).digest("base64url")}`;
  statementNames.set(text, name);
  return name;
}

/** Rows of one parameterised statement; Dates are sent as UTC instants, as Prisma stores them. */
export async function sqlRows<T>(runner: SqlRunner, text: string, values: unknown[] = []): Promise<T[]> {
  const params = values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const result = await runner.query({ name: statementName(text), text, values: params, types });
  return result.rows as T[];
}

/*
 * A transaction's statements run on their generic plans from the first execution. PostgreSQL otherwise compares
 * a generic plan's estimated cost with a custom plan's, and for statements that take id arrays the generic
 * estimate (ten elements a guess) loses to the custom one (one element), so it planned a grade's read again on
 * every execution: 0.7-1 ms of planning beside 0.1 ms of executing, measured with EXPLAIN (ANALYZE) here. Their
 * generic plans are the same index lookups (bench/grade-floor.ts runs the same statements).
 */
const GENERIC_PLANS = "SET LOCAL plan_cache_mode = force_generic_plan";

/**
 * Runs `work` in one READ COMMITTED transaction on a pooled connection, committing only if it resolves. Waits
 * for a lock and statements are bounded as Prisma's interactive transactions were (10 s to wait, 15 s overall).
 * `atBegin` is a statement sent with BEGIN in the same round trip (a grade's lock, which saves it a round trip);
 * it travels as simple-protocol text, so it gets its values as literals quoted by the `quote` it is given.
 */
export async function sqlTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  atBegin?: (quote: (value: string) => string) => string,
): Promise<T> {
  const client = await pool.connect();
  try {
    const first = atBegin ? `; ${atBegin((value) => client.escapeLiteral(value))}` : "";
    await client.query(`BEGIN; SET LOCAL lock_timeout = '10s'; SET LOCAL statement_timeout = '15s'; ${GENERIC_PLANS}${first}`);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** One parameterised statement ($1, $2, …) and its rows, on whichever connection or transaction it is bound to. */
export type Sql = <T>(text: string, values?: unknown[]) => Promise<T[]>;

/** Statements on a pg pool or a pg transaction's connection. */
export const sqlOn =
  (runner: SqlRunner): Sql =>
  (text, values) =>
    sqlRows(runner, text, values);

/** The same statements inside a Prisma interactive transaction, for code that also uses Prisma's models there. */
export const sqlOnPrisma =
  (tx: { $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> }): Sql =>
  <T>(text: string, values: unknown[] = []) =>
    tx.$queryRawUnsafe<T[]>(text, ...values);
