import "server-only";
import { SessionEndedError, type SessionClaim } from "@/lib/auth/session-claim";
import { poolOf, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { sqlTransaction, type Opening, type Sql } from "@/lib/db/sql";

// Arbitrary namespace for the two-key advisory lock, so other features' advisory locks never collide with ours.
const STUDY_LOCK_NAMESPACE = 7_331;
export const TAKE_LOCK_SQL = `SELECT 1 AS locked FROM pg_advisory_xact_lock(${STUDY_LOCK_NAMESPACE}::int, hashtext($1))`;
/** The same lock for a claimed session, in the same statement as the check that it stands: no row, and it has ended. */
export const TAKE_LOCK_FOR_SESSION_SQL = `SELECT 1 AS locked FROM "User" u, pg_advisory_xact_lock(${STUDY_LOCK_NAMESPACE}::int, hashtext(u.id))
WHERE u.id = $1 AND u."sessionVersion" = $2`;

/** Whose study is locked: the id of a user whose session the caller confirmed, or a claim the lock confirms (a grade's request). */
export type Learner = string | SessionClaim;

export const learnerId = (learner: Learner): string => (typeof learner === "string" ? learner : learner.userId);

function lockStatement(learner: Learner): Opening {
  if (typeof learner === "string") return { text: TAKE_LOCK_SQL, values: [learner] };
  const check = (rows: unknown[]) => {
    if (rows.length === 0) throw new SessionEndedError();
    learner.confirmed = true;
  };
  return { text: TAKE_LOCK_FOR_SESSION_SQL, values: [learner.userId, learner.sessionVersion], check };
}

/**
 * Runs `work` in one transaction holding a per-learner lock. A row lock on CardState cannot cover a card's
 * first review (there is no row yet) or undo (the card is unknown until the latest log is read), so all of one
 * learner's study writes queue on a transaction-scoped advisory lock instead; it is released at commit or
 * rollback. One learner grades one card at a time, so the queue is short.
 */
export function withStudyLock<T>(db: Db, learner: Learner, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const { text, values, check } = lockStatement(learner);
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values);
      check?.(rows);
      return work(tx);
    },
    // Several retries of one grade may arrive together; each waits its turn rather than failing fast.
    { maxWait: 10_000, timeout: 15_000 },
  );
}

/**
 * The same lock and transaction for work done in plain SQL (lib/db/sql.ts): a grade's hot path. The lock is taken
 * with BEGIN, which travels with `work`'s first statement: nothing `work` reads or writes happens before it holds
 * the lock, and for a claim, nothing `work` reads reaches it before the session is confirmed.
 */
export function withStudyLockSql<T>(db: Db, learner: Learner, work: (sql: Sql) => Promise<T>): Promise<T> {
  return sqlTransaction(poolOf(db), work, lockStatement(learner));
}
