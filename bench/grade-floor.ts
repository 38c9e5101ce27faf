import { randomUUID } from "node:crypto";
import pg from "pg";
import { executeStatement, simpleQuery, simpleQueryResults, TRANSACTION_START } from "../lib/db/sql";
import { gradeCard, type ReviewRating } from "../lib/srs/grade";
import { studySettingsSchema } from "../lib/srs/settings";
import { TAKE_LOCK_FOR_SESSION_SQL } from "../lib/study/reviews/lock";
import { GRADE_INPUTS_SQL, toPreviousStateJson, WRITE_REVIEW_SQL, writeReviewValues, type StateRow } from "../lib/study/reviews/rows";
import type { LoadReport, Reviewer } from "../scripts/support/review-load";

/*
 * The physical floor under a grade: the statements one POST /api/reviews/sync runs, the app's own (the learner's
 * lock with the session check, the read and the write), sent by a bare `pg` pool with no HTTP, Next.js, Prisma or
 * session decoding, and the card scheduled by the same lib/srs call (its state before kept by the same function).
 * Like the app's (lib/db/sql.ts), the statements are prepared once per connection and a grade makes the same two
 * round trips: BEGIN with the lock and the read, then the write with COMMIT.
 */

async function gradeOnce(pool: pg.Pool, userId: string, cardId: string, rating: ReviewRating): Promise<void> {
  const reviewId = randomUUID();
  const client = await pool.connect();
  try {
    // As sqlTransaction sends a claimed session's grade: BEGIN, the lock that confirms the session (createReviewers'
    // tokens carry version 0) and the read; then the write with COMMIT.
    const lockStatement = await executeStatement(client, TAKE_LOCK_FOR_SESSION_SQL, [userId, 0]);
    const readStatement = await executeStatement(client, GRADE_INPUTS_SQL, [userId, [cardId], [reviewId]]);
    const [locked, read] = (await simpleQueryResults(client, [TRANSACTION_START, lockStatement!, readStatement!])).slice(-2);
    if (locked!.rows.length === 0) throw new Error(`The session of ${userId} has ended.`);
    const settings = studySettingsSchema.parse(
      Object.fromEntries(Object.entries(read!.rows[0]).flatMap(([key, value]) => (key.startsWith("user.") ? [[key.slice(5), value]] : []))),
    );
    const card = read!.rows.find((found) => found.source === "card");
    const row: StateRow | null = card?.due ? card : null;
    const now = new Date();
    const { next, log } = gradeCard(row, rating, now, settings);
    const review = { id: reviewId, userId, cardId, durationMs: 4000, previousState: row && toPreviousStateJson(row), createdAt: now };
    const writeStatement = await executeStatement(client, WRITE_REVIEW_SQL, writeReviewValues(review, next, log, null));
    await simpleQuery(client, [writeStatement!, "COMMIT"]);
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/**
 * `count` reviews for each learner, a few learners at a time, walking the cards from the first: history for
 * benchmarks that read (bench/read-load.ts). Cards come back as learning and review cards, some due today.
 */
export async function seedReviews(databaseUrl: string, reviewers: Reviewer[], cardIds: string[], count: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  try {
    for (const { userId } of reviewers) {
      for (let step = 0; step < count; step++) await gradeOnce(pool, userId, cardIds[step % cardIds.length]!, ((step % 4) + 1) as ReviewRating);
    }
  } finally {
    await pool.end();
  }
}

/**
 * Every learner grades back to back for `durationMs` straight over `pg`, through a pool as large as the app's
 * (10 connections), walking the cards as the HTTP reviewers do.
 */
export async function runFloorLoad(options: { databaseUrl: string; reviewers: Reviewer[]; cardIds: string[]; durationMs: number }): Promise<LoadReport> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  const report: LoadReport = { acknowledged: [], latenciesMs: [], statuses: {}, seconds: 0 };
  const started = performance.now();
  const deadline = Date.now() + options.durationMs;
  async function learner({ userId }: Reviewer, index: number) {
    for (let step = 0; Date.now() < deadline; step++) {
      const cardId = options.cardIds[(index * 7 + step) % options.cardIds.length]!;
      const sent = performance.now();
      await gradeOnce(pool, userId, cardId, ((step % 4) + 1) as ReviewRating);
      report.latenciesMs.push(performance.now() - sent);
      report.acknowledged.push(cardId);
    }
  }
  try {
    await Promise.all(options.reviewers.map((reviewer, index) => learner(reviewer, index)));
  } finally {
    await pool.end();
  }
  report.seconds = (performance.now() - started) / 1000;
  report.statuses["200"] = report.latenciesMs.length;
  return report;
}
