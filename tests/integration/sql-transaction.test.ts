import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql";
import { createTestDb } from "../support/test-db";

/*
 * lib/db/sql.ts's transactions send EXECUTEs of statements prepared with SQL's PREPARE, values as literals, and
 * hold writes back until the next statement or the COMMIT. These check what a grade relies on from that.
 */
const db = await createTestDb();
// One connection, so a later transaction finds what an earlier one left on it.
const pool = new pg.Pool({ connectionString: (poolOf(db).options as { connectionString: string }).connectionString, max: 1 });
afterAll(() => pool.end());

beforeAll(async () => {
  await pool.query(`CREATE TABLE sql_probe (id text PRIMARY KEY, n int NOT NULL)`);
});

const countRows = async () => Number((await pool.query(`SELECT count(*) AS n FROM sql_probe`)).rows[0].n);

describe("a plain-SQL transaction", () => {
  it("reads back every kind of value it sends as a literal, and none of them as SQL", async () => {
    const text = `o'brien \\' "); DROP TABLE sql_probe; --\\n é`;
    const at = new Date("2026-03-29T01:30:00.123Z");
    const [row] = await sqlTransaction(pool, (sql) =>
      sql<Record<string, unknown>>(
        `SELECT $1::text AS text, $2::int AS int, $3::float8 AS float, $4::timestamp(3) AS at, $5::text[] AS ids, $6::jsonb AS json, $7::text AS missing, $8::boolean AS yes`,
        [text, 42, 0.1 + 0.2, at, ["a'b", 'c"d', "e\\f", "g,h"], JSON.stringify({ quote: "'", nested: [1, null] }), null, true],
      ),
    );
    expect(row).toEqual({
      text,
      int: 42,
      float: 0.1 + 0.2,
      at,
      ids: ["a'b", 'c"d', "e\\f", "g,h"],
      json: { quote: "'", nested: [1, null] },
      missing: null,
      yes: true,
    });
    expect(await countRows()).toBe(0);
  });

  it("refuses a value its parameter's type cannot read rather than converting it", async () => {
    await expect(sqlTransaction(pool, (sql) => sql(`SELECT $1::int AS n`, [1.5]))).rejects.toThrow(/invalid input syntax for type integer/);
  });

  it("lets a later statement see a held-back write, and commits it", async () => {
    const seen = await sqlTransaction(pool, async (sql) => {
      await sql.write(`INSERT INTO sql_probe (id, n) VALUES ($1, $2)`, ["seen", 1]);
      return sql<{ n: number }>(`SELECT n FROM sql_probe WHERE id = $1`, ["seen"]);
    });
    expect(seen).toEqual([{ n: 1 }]);
    expect((await pool.query(`SELECT n FROM sql_probe WHERE id = 'seen'`)).rows).toEqual([{ n: 1 }]);
  });

  it("keeps none of its writes when a held-back one fails at the commit", async () => {
    const before = await countRows();
    const outcome = sqlTransaction(pool, async (sql) => {
      await sql.write(`INSERT INTO sql_probe (id, n) VALUES ($1, $2)`, ["first", 1]);
      await sql.write(`INSERT INTO sql_probe (id, n) VALUES ($1, $2)`, ["first", 2]);
      return "acknowledged";
    });
    await expect(outcome).rejects.toThrow(/duplicate key/);
    expect(await countRows()).toBe(before);
  });

  it("shows an opening's rows to its check before work sees anything, and commits nothing the check refuses", async () => {
    const refuse = { text: `SELECT n FROM sql_probe WHERE id = $1`, values: ["no such row"], check: (rows: unknown[]) => expect(rows).not.toEqual([]) };
    const before = await countRows();
    const seen: unknown[] = [];
    const refused = sqlTransaction(
      pool,
      async (sql) => {
        await sql.write(`INSERT INTO sql_probe (id, n) VALUES ($1, $2)`, ["refused", 1]);
        seen.push(await sql(`SELECT 1 AS one`));
      },
      refuse,
    );
    await expect(refused).rejects.toThrow();
    expect(seen).toEqual([]);
    // With nothing else to send, the opening still goes before the COMMIT, not with it.
    const writesOnly = sqlTransaction(pool, (sql) => sql.write(`INSERT INTO sql_probe (id, n) VALUES ($1, $2)`, ["refused", 2]), refuse);
    await expect(writesOnly).rejects.toThrow();
    expect(await countRows()).toBe(before);
    const passed: unknown[][] = [];
    const admitted = { text: `SELECT 7 AS n`, values: [], check: (rows: unknown[]) => void passed.push(rows) };
    await sqlTransaction(pool, (sql) => sql.write(`INSERT INTO sql_probe (id, n) VALUES ($1, $2)`, ["admitted", 3]), admitted);
    expect(passed).toEqual([[{ n: 7 }]]);
    expect(await countRows()).toBe(before + 1);
  });

  it("still runs a statement first prepared inside a transaction that rolled back", async () => {
    const statement = `SELECT n + $2::int AS n FROM sql_probe WHERE id = $1`;
    await expect(
      sqlTransaction(pool, async (sql) => {
        // BEGIN goes with this first statement, so the next one is prepared inside the transaction.
        await sql(`SELECT 1 AS one`);
        await sql(statement, ["seen", 1]);
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    expect(await sqlTransaction(pool, (sql) => sql(statement, ["seen", 2]))).toEqual([{ n: 3 }]);
  });
});
