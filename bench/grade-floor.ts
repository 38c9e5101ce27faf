import { randomUUID } from "node:crypto";
import pg from "pg";
import { gradeCard, type ReviewRating } from "../lib/srs/grade";
import { studySettingsSchema } from "../lib/srs/settings";
import type { LoadReport, Reviewer } from "../scripts/support/review-load";

/*
 * The physical floor under a grade: the SQL one POST /api/reviews/sync runs (captured from the app with
 * log_statement = 'all' on the embedded server), sent by a bare `pg` pool with no HTTP, Next.js, Prisma or
 * session decoding, and the card scheduled by the same lib/srs call. If the app's statements change, capture
 * them again and change these to match.
 */

const SESSION_FACTS = `SELECT "sessionVersion", role::text AS role, name, "isGuest" FROM "User" WHERE id = $1`;
const STUDIABLE_CARD = `SELECT "public"."Card"."id", "public"."Card"."createdAt" FROM "public"."Card" LEFT JOIN "public"."Deck" AS "j0" ON ("j0"."id") = ("public"."Card"."deckId") WHERE ("public"."Card"."id" IN ($1) AND (("j0"."isPublic" = $2 OR "j0"."ownerId" = $3 OR EXISTS(SELECT "t1"."deckId" FROM "public"."Assignment" AS "t1" LEFT JOIN "public"."Class" AS "j2" ON ("j2"."id") = ("t1"."classId") WHERE (EXISTS(SELECT "t3"."classId" FROM "public"."ClassMember" AS "t3" WHERE ("t3"."userId" = $4 AND ("j2"."id") = ("t3"."classId") AND "t3"."classId" IS NOT NULL)) AND ("j2"."id" IS NOT NULL) AND ("j0"."id") = ("t1"."deckId") AND "t1"."deckId" IS NOT NULL))) AND ("j0"."id" IS NOT NULL))) OFFSET $5`;
const SETTINGS = `SELECT "public"."User"."id", "public"."User"."desiredRetention", "public"."User"."newCardsPerDay", "public"."User"."maximumInterval", "public"."User"."learningSteps", "public"."User"."relearningSteps", "public"."User"."enableFuzz", "public"."User"."timeZone", "public"."User"."dayStartHour", "public"."User"."fsrsParameters", "public"."User"."leechThreshold", "public"."User"."suspendLeeches", "public"."User"."easyDays" FROM "public"."User" WHERE ("public"."User"."id" = $1 AND 1=1) LIMIT $2 OFFSET $3`;
const LOCK = `SELECT 1 AS locked FROM pg_advisory_xact_lock($1::int, hashtext($2))`;
const STORED_REVIEWS = `SELECT "public"."ReviewLog"."id", "public"."ReviewLog"."userId", "public"."ReviewLog"."cardId", "public"."ReviewLog"."rating" FROM "public"."ReviewLog" WHERE "public"."ReviewLog"."id" IN ($1) OFFSET $2`;
const STATE_ROW = `SELECT due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state,
       "lastReview", suspended, "buriedUntil" FROM "CardState" WHERE "userId" = $1 AND "cardId" = $2`;
const WRITE = `
WITH saved AS (
  INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                           "learningSteps", reps, lapses, state, "lastReview", "updatedAt")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT ("userId", "cardId") DO UPDATE SET
    due = EXCLUDED.due, stability = EXCLUDED.stability, difficulty = EXCLUDED.difficulty,
    "elapsedDays" = EXCLUDED."elapsedDays", "scheduledDays" = EXCLUDED."scheduledDays",
    "learningSteps" = EXCLUDED."learningSteps", reps = EXCLUDED.reps, lapses = EXCLUDED.lapses,
    state = EXCLUDED.state, "lastReview" = EXCLUDED."lastReview", "updatedAt" = EXCLUDED."updatedAt",
    leech = "CardState".leech OR EXCLUDED.lapses >= (SELECT "leechThreshold" FROM "User" WHERE id = EXCLUDED."userId"),
    suspended = "CardState".suspended OR (NOT "CardState".leech
      AND EXCLUDED.lapses >= (SELECT "leechThreshold" FROM "User" WHERE id = EXCLUDED."userId")
      AND (SELECT "suspendLeeches" FROM "User" WHERE id = EXCLUDED."userId"))
)
INSERT INTO "ReviewLog" (id, "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
                         "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs",
                         "previousState", "createdAt")
VALUES ($14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28::jsonb, $29)`;

const STUDY_LOCK_NAMESPACE = 7_331;

async function gradeOnce(pool: pg.Pool, userId: string, cardId: string, rating: ReviewRating): Promise<void> {
  await pool.query(SESSION_FACTS, [userId]);
  await pool.query(STUDIABLE_CARD, [cardId, true, userId, userId, 0]);
  const settings = studySettingsSchema.parse((await pool.query(SETTINGS, [userId, 1, 0])).rows[0]);
  const reviewId = randomUUID();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(LOCK, [STUDY_LOCK_NAMESPACE, userId]);
    await client.query(STORED_REVIEWS, [reviewId, 0]);
    const row = (await client.query(STATE_ROW, [userId, cardId])).rows[0];
    const now = new Date();
    const { next, log } = gradeCard(row ?? null, rating, now, settings);
    const previousState = row ? JSON.stringify({ ...row, due: row.due.toISOString(), lastReview: row.lastReview?.toISOString() ?? null }) : null;
    await client.query(WRITE, [
      userId, cardId, next.due, next.stability, next.difficulty, next.elapsedDays, next.scheduledDays, next.learningSteps,
      next.reps, next.lapses, next.state, next.lastReview, now,
      reviewId, userId, cardId, log.rating, log.state, log.due, log.stability, log.difficulty, log.elapsedDays,
      log.lastElapsedDays, log.scheduledDays, log.learningSteps, log.reviewedAt, 4000, previousState, now,
    ]);
    await client.query("COMMIT");
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
