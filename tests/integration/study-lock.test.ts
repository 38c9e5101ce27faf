import { describe, expect, it } from "vitest";
import { SessionEndedError, type SessionClaim } from "@/lib/auth/session-claim";
import { withStudyLock, withStudyLockSql } from "@/lib/study/reviews/lock";
import { createLearner } from "../support/study-fixtures";
import { createTestDb } from "../support/test-db";

/** The per-learner study lock: taken with BEGIN and the first statement on the plain-SQL path, with a parameter on Prisma's. */
const db = await createTestDb();

/** A promise and the function that settles it, to hold a transaction open until the test lets it go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const settled = (work: Promise<unknown>, ms = 300) => Promise.race([work.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

describe("the study lock", () => {
  it("queues one learner's writes, on either path, and lets another learner's through", async () => {
    // Quotes and backslashes in an id reach the lock as a quoted literal, never as SQL.
    const learner = "o'brien\\ '); SELECT pg_sleep(5); --";
    const held = gate();
    const locked = gate();
    const order: string[] = [];
    const first = withStudyLock(db, learner, async () => {
      order.push("first");
      locked.open();
      await held.opened;
    });
    // The others start once the first holds the lock, however long its transaction takes to begin.
    await locked.opened;
    // The plain-SQL path takes the lock with its first statement: what follows it runs under the lock.
    const second = withStudyLockSql(db, learner, async (sql) => {
      const rows = await sql<{ one: number }>("SELECT 1 AS one");
      order.push("second");
      return rows;
    });
    const other = withStudyLockSql(db, "another learner", async (sql) => {
      await sql("SELECT 1 AS one");
      order.push("other");
    });
    expect(await settled(other)).toBe(true);
    expect(await settled(second)).toBe(false);
    held.open();
    await first;
    expect(await second).toEqual([{ one: 1 }]);
    expect(order).toEqual(["first", "other", "second"]);
  });

  it("confirms a claimed session with the lock, on either path, and ends the work of one that has ended", async () => {
    const learner = await createLearner(db);
    const claim = (sessionVersion: number): SessionClaim => ({ userId: learner.id, sessionVersion, confirmed: false });
    const current = claim(0);
    expect(await withStudyLockSql(db, current, (sql) => sql<{ one: number }>("SELECT 1 AS one"))).toEqual([{ one: 1 }]);
    expect(current.confirmed).toBe(true);
    const onPrisma = claim(0);
    expect(await withStudyLock(db, onPrisma, async () => "done")).toBe("done");
    expect(onPrisma.confirmed).toBe(true);

    // A password change or "sign out everywhere" moves the version on: the old claim reads nothing and writes nothing.
    await db.user.update({ where: { id: learner.id }, data: { sessionVersion: { increment: 1 } } });
    const reached: string[] = [];
    const stale = claim(0);
    await expect(
      withStudyLockSql(db, stale, async (sql) => {
        await sql("SELECT 1 AS one");
        reached.push("sql");
      }),
    ).rejects.toBeInstanceOf(SessionEndedError);
    await expect(withStudyLock(db, claim(0), async () => void reached.push("prisma"))).rejects.toBeInstanceOf(SessionEndedError);
    expect(reached).toEqual([]);
    expect(stale.confirmed).toBe(false);
    await expect(
      withStudyLockSql(db, { userId: "deleted account", sessionVersion: 0, confirmed: false }, (sql) => sql("SELECT 1 AS one")),
    ).rejects.toBeInstanceOf(SessionEndedError);
  });
});
