import { randomUUID } from "node:crypto";
import pg from "pg";
import { executeStatement, TRANSACTION_START } from "../lib/db/sql";
import { gradeCard, type ReviewRating } from "../lib/srs/grade";
import { studySettingsSchema } from "../lib/srs/settings";
import { toPreviousStateJson, WRITE_REVIEW_SQL, writeReviewValues, type StateRow } from "../lib/study/reviews/rows";
import type { LoadReport, Reviewer } from "../scripts/support/review-load";

/*
 * The physical floor under a grade: the SQL one POST /api/reviews/sync runs (captured from the app with
 * log_statement = 'all' on the embedded server; the write is the app's own WRITE_REVIEW_SQL), sent by a bare `pg`
 * pool with no HTTP, Next.js, Prisma or session decoding, and the card scheduled by the same lib/srs call (its
 * state before kept by the same function). If the app's statements change, capture them again and change these to
 * match (lib/users/data.ts, lib/study/access.ts, lib/db/sql.ts, lib/study/reviews/lock.ts, sync.ts and rows.ts).
 * Like the app's (lib/db/sql.ts), the statements are prepared once per connection and a grade makes the same round
 * trips: the session check, then BEGIN with the lock and the read, then the write with COMMIT.
 */

const SESSION_FACTS = `SELECT "sessionVersion", role::text AS role, name, "isGuest" FROM "User" WHERE id = $1`;
/** The learner's lock, sent with BEGIN and the read in one simple query. */
const LOCK = `SELECT 1 AS locked FROM pg_advisory_xact_lock(7331::int, hashtext($1))`;
const GRADE_INPUTS = `SELECT u."desiredRetention" AS "user.desiredRetention", u."maximumInterval" AS "user.maximumInterval",
       u."learningSteps" AS "user.learningSteps", u."relearningSteps" AS "user.relearningSteps", u."enableFuzz" AS "user.enableFuzz",
       u."fsrsParameters" AS "user.fsrsParameters", u."timeZone" AS "user.timeZone", u."dayStartHour" AS "user.dayStartHour",
       u."newCardsPerDay" AS "user.newCardsPerDay", u."leechThreshold" AS "user.leechThreshold", u."suspendLeeches" AS "user.suspendLeeches",
       u."easyDays" AS "user.easyDays", x.*
FROM "User" u LEFT JOIN (
  SELECT 'card' AS source, card.id AS "cardId", card."createdAt" AS "cardMadeAt", NULL AS id, NULL AS "userId", NULL AS rating,
         NULL AS "reviewedAt", NULL AS "previousState", NULL AS "chosenInterval", s."due", s."stability", s."difficulty", s."elapsedDays",
         s."scheduledDays", s."learningSteps", s."reps", s."lapses", s."state", s."lastReview", s."suspended", s."buriedUntil", s."leech"
  FROM (SELECT c.id, c."createdAt" FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" WHERE c.id = ANY($2::text[]) AND (d."isPublic" OR d."ownerId" = $1 OR EXISTS (
    SELECT 1 FROM "Assignment" a JOIN "ClassMember" m ON m."classId" = a."classId" WHERE a."deckId" = d.id AND m."userId" = $1))) card
  LEFT JOIN "CardState" s ON s."userId" = $1 AND s."cardId" = card.id
  UNION ALL
  SELECT 'review', "cardId", NULL, id, "userId", rating, "reviewedAt", "previousState", "chosenInterval", NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM "ReviewLog" WHERE id = ANY($3::text[])
) x ON true WHERE u.id = $1`;
/** A named statement: parsed and planned once per connection, as sqlRows does for the app. */
const prepared = (name: string, text: string, values: unknown[]) => ({ name: `floor_${name}`, text, values });

async function gradeOnce(pool: pg.Pool, userId: string, cardId: string, rating: ReviewRating): Promise<void> {
  await pool.query(prepared("session_facts", SESSION_FACTS, [userId]));
  const reviewId = randomUUID();
  const client = await pool.connect();
  try {
    // Two round trips, as sqlTransaction sends them: BEGIN, the lock and the read; then the write with COMMIT.
    const lockStatement = await executeStatement(client, LOCK, [userId]);
    const readStatement = await executeStatement(client, GRADE_INPUTS, [userId, [cardId], [reviewId]]);
    const results = (await client.query({
      text: [TRANSACTION_START, lockStatement, readStatement].join("; "),
    })) as unknown as pg.QueryResult[];
    const read = results.at(-1)!;
    const settings = studySettingsSchema.parse(
      Object.fromEntries(Object.entries(read.rows[0]).flatMap(([key, value]) => (key.startsWith("user.") ? [[key.slice(5), value]] : []))),
    );
    const card = read.rows.find((found) => found.source === "card");
    const row: StateRow | null = card?.due ? card : null;
    const now = new Date();
    const { next, log } = gradeCard(row, rating, now, settings);
    const review = { id: reviewId, userId, cardId, durationMs: 4000, previousState: row && toPreviousStateJson(row), createdAt: now };
    const writeStatement = await executeStatement(client, WRITE_REVIEW_SQL, writeReviewValues(review, next, log, null));
    await client.query(`${writeStatement}; COMMIT`);
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
