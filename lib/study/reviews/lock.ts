import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { sqlTransaction, type Sql } from "@/lib/db/sql";

// Arbitrary namespace for the two-key advisory lock, so other features' advisory locks never collide with ours.
const STUDY_LOCK_NAMESPACE = 7_331;
export const TAKE_LOCK_SQL = `SELECT 1 AS locked FROM pg_advisory_xact_lock(${STUDY_LOCK_NAMESPACE}::int, hashtext($1))`;

/**
 * Runs `work` in one transaction holding a per-learner lock. A row lock on CardState cannot cover a card's
 * first review (there is no row yet) or undo (the card is unknown until the latest log is read), so all of one
 * learner's study writes queue on a transaction-scoped advisory lock instead; it is released at commit or
 * rollback. One learner grades one card at a time, so the queue is short.
 */
export function withStudyLock<T>(db: Db, userId: string, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(TAKE_LOCK_SQL, userId);
      return work(tx);
    },
    // Several retries of one grade may arrive together; each waits its turn rather than failing fast.
    { maxWait: 10_000, timeout: 15_000 },
  );
}

/**
 * The same lock and transaction for work done in plain SQL (lib/db/sql.ts): a grade's hot path. The lock is taken
 * with BEGIN, which travels with `work`'s first statement: nothing `work` reads or writes happens before it holds the lock.
 */
export function withStudyLockSql<T>(db: Db, userId: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  return sqlTransaction(poolOf(db), work, { text: TAKE_LOCK_SQL, values: [userId] });
}
