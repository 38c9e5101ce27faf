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
const statementHashes = new Map<string, string>();

function statementHash(text: string): string | undefined {
  const known = statementHashes.get(text);
  if (known || statementHashes.size >= MAX_PREPARED) return known;
  const hash = createHash("sha1").update(text).digest("base64url");
  statementHashes.set(text, hash);
  return hash;
}

function statementName(text: string): string | undefined {
  const hash = statementHash(text);
  return hash && `ar_${hash}`;
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
/** A transaction's start: waits for a lock and statements are bounded as Prisma's interactive transactions were (10 s to wait, 15 s overall). */
const TRANSACTION_START_STATEMENTS = ["BEGIN", "SET LOCAL lock_timeout = '10s'", "SET LOCAL statement_timeout = '15s'", GENERIC_PLANS];
export const TRANSACTION_START = TRANSACTION_START_STATEMENTS.join("; ");

// pg's own conversion of a value to the text it binds; pg exports it, @types/pg does not declare it.
const parameterText = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null } }).utils.prepareValue;

/**
 * A value as the SQL literal of the text pg would bind for it (arrays as array literals, objects as JSON, Dates
 * as UTC instants), so PostgreSQL reads it with the parameter type's input function exactly as it reads a bound
 * parameter: '1.5' for an integer is refused, not rounded, and no value is ever read as SQL.
 */
export function sqlLiteral(client: pg.ClientBase, value: unknown): string {
  const text = parameterText(value instanceof Date ? value.toISOString() : value);
  if (text !== null && typeof text !== "string") throw new TypeError("Binary values are not sent as SQL literals.");
  return text === null ? "NULL" : client.escapeLiteral(text);
}

/** The statements each connection has prepared with SQL's PREPARE, by name; a failed PREPARE is forgotten so it is tried again. */
const sqlPrepared = new WeakMap<pg.ClientBase, Map<string, Promise<unknown>>>();

/**
 * `EXECUTE name(literals)` for a statement prepared on this connection with SQL's PREPARE (once, in a round trip of
 * its own), or undefined past MAX_PREPARED distinct texts. An EXECUTE is plain text, so it can travel in one
 * message with other statements, which a statement bound with pg's extended protocol cannot.
 */
export async function executeStatement(client: pg.ClientBase, text: string, values: unknown[]): Promise<string | undefined> {
  const hash = statementHash(text);
  if (!hash) return undefined;
  const name = `"tx_${hash}"`;
  let prepared = sqlPrepared.get(client);
  if (!prepared) sqlPrepared.set(client, (prepared = new Map()));
  if (!prepared.has(name)) {
    const preparing = client.query(`PREPARE ${name} AS ${text}`);
    prepared.set(name, preparing);
    preparing.catch(() => prepared.delete(name));
  }
  await prepared.get(name);
  return values.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${values.map((value) => sqlLiteral(client, value)).join(", ")})`;
}

/** Each statement's result of a simple query, in order (pg gives a list only when the text holds several). */
export async function simpleQueryResults(client: pg.ClientBase, statements: string[]): Promise<pg.QueryResult[]> {
  const results = (await client.query({ text: statements.join("; "), types })) as pg.QueryResult | pg.QueryResult[];
  return Array.isArray(results) ? results : [results];
}

/** The last statement's result of a simple query. */
export async function simpleQuery(client: pg.ClientBase, statements: string[]): Promise<pg.QueryResult> {
  return (await simpleQueryResults(client, statements)).at(-1)!;
}

type Rows = <T>(text: string, values?: unknown[]) => Promise<T[]>;

/** One parameterised statement ($1, $2, …) and its rows, on whichever connection or transaction it is bound to. */
export type Sql = Rows & {
  /**
   * A statement whose rows nobody reads. In sqlTransaction it travels with the transaction's next statement or
   * with its COMMIT, a round trip saved; an error it raises fails that statement or the commit, so the
   * transaction still keeps all of its writes or none, and nothing is acknowledged before the commit.
   */
  write(text: string, values?: unknown[]): Promise<void>;
};

const writingAtOnce = (rows: Rows): Sql =>
  Object.assign(rows, {
    write: async (text: string, values?: unknown[]) => {
      await rows(text, values);
    },
  });

/** One parameterised statement and its values. */
export type Statement = { text: string; values: unknown[] };

/**
 * A statement sent with BEGIN, ahead of `work`'s first (a grade's lock). `check` sees its rows before `work` sees
 * anything and throws to roll the transaction back (the lock that also confirms a session, lib/study/reviews/lock.ts).
 */
export type Opening = Statement & { check?: (rows: unknown[]) => void };

/**
 * Runs `work` in one READ COMMITTED transaction on a pooled connection, committing only if it resolves. Every
 * message is a simple query of EXECUTEs of statements prepared on the connection: BEGIN and `opening` (a grade's
 * lock) go with the first statement, and writes (`sql.write`) with the next statement or the COMMIT, so a grade
 * that reads once and writes once makes two round trips, not five. `work` runs its first code before BEGIN is
 * sent: what holds for the transaction holds from its first statement. An opening with a check never travels
 * with the COMMIT: nothing commits before its check has passed.
 */
export async function sqlTransaction<T>(pool: pg.Pool, work: (sql: Sql) => Promise<T>, opening?: Opening): Promise<T> {
  const client = await pool.connect();
  let pending = [...TRANSACTION_START_STATEMENTS];
  let unsent = opening;
  // Where the opening waits in `pending` for its rows to be checked, or -1.
  let checkAt = -1;
  const flush = async (last: string[] = []) => {
    const statements = [...pending, ...last];
    const at = checkAt;
    pending = [];
    checkAt = -1;
    const results = await simpleQueryResults(client, statements);
    if (at !== -1) opening!.check!(results[at]!.rows);
    return results.at(-1)!;
  };
  const sendOpening = async () => {
    const statement = unsent;
    unsent = undefined;
    if (!statement) return;
    const rows = await run(statement.text, statement.values, true);
    if (rows) statement.check?.(rows);
    else if (statement.check) checkAt = pending.length - 1;
  };
  // Sent with whatever is pending, or held back (`defer`, answering null); past MAX_PREPARED texts, sent on its own after it.
  const run = async (text: string, values: unknown[], defer: boolean): Promise<unknown[] | null> => {
    await sendOpening();
    const execute = await executeStatement(client, text, values);
    if (!execute) {
      await flush();
      return sqlRows(client, text, values);
    }
    if (!defer) return (await flush([execute])).rows;
    pending.push(execute);
    return null;
  };
  const sql: Sql = Object.assign(<R>(text: string, values: unknown[] = []) => run(text, values, false) as Promise<R[]>, {
    write: async (text: string, values: unknown[] = []) => {
      await run(text, values, true);
    },
  });
  try {
    const result = await work(sql);
    await sendOpening();
    if (checkAt !== -1) await flush();
    await flush(["COMMIT"]);
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Statements on a pg pool or a pg transaction's connection, each sent when called. */
export const sqlOn = (runner: SqlRunner): Sql => writingAtOnce((text, values) => sqlRows(runner, text, values));

/** The same statements inside a Prisma interactive transaction, for code that also uses Prisma's models there. */
export const sqlOnPrisma = (tx: { $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> }): Sql =>
  writingAtOnce(<T>(text: string, values: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...values));
