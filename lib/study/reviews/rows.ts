import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/db/generated/client";
import type { StoredCardState } from "@/lib/srs/card-state";
import type { ReviewLogFields } from "@/lib/srs/grade";
import { serializeCardState } from "../schema";
import { pickFsrsState } from "./state-row";

/*
 * The grade hot path in plain SQL. Every model query of Prisma 6's client engine is compiled in WebAssembly
 * on the event loop (≈1.1 ms of CPU each, measured here; a raw query ≈0.5 ms), and one grade made five of
 * them inside its transaction. Grades run these on pg directly (withStudyLockSql); card actions and log
 * replays inside a Prisma transaction. The columns are the ones schema.prisma declares for CardState and ReviewLog.
 */

export type StateRow = StoredCardState & { suspended: boolean; buriedUntil: Date | null; leech: boolean };
export type StoredReview = {
  id: string;
  userId: string;
  cardId: string;
  rating: number;
  reviewedAt: Date;
  previousState: Prisma.JsonValue;
  chosenInterval: number | null;
};

const STATE_COLUMNS = `due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state,
            "lastReview", suspended, "buriedUntil", leech`;

type ReviewOrStateRow = ({ source: "review" } & StoredReview) | ({ source: "state"; userId: string; cardId: string } & StateRow);

/**
 * What a write under the study lock reads first, in one round trip: the reviews already stored under these ids
 * (any learner's: a reused id must be refused) and the learner's state rows of these cards.
 */
export async function findReviewsAndStates(
  sql: Sql,
  userId: string,
  reviewIds: string[],
  cardIds: string[],
): Promise<{ reviews: Map<string, StoredReview>; states: Map<string, StateRow> }> {
  // One result for two row shapes: each half leaves the other's columns NULL, and `source` says which it is.
  const rows = await sql<ReviewOrStateRow>(
    `SELECT 'review' AS source, id, "userId", "cardId", rating, "reviewedAt", "previousState", "chosenInterval",
            NULL AS due, NULL AS stability, NULL AS difficulty, NULL AS "elapsedDays", NULL AS "scheduledDays",
            NULL AS "learningSteps", NULL AS reps, NULL AS lapses, NULL AS state, NULL AS "lastReview",
            NULL AS suspended, NULL AS "buriedUntil", NULL AS leech
     FROM "ReviewLog" WHERE id = ANY($1::text[])
     UNION ALL
     SELECT 'state', NULL, "userId", "cardId", NULL, NULL, NULL, NULL, ${STATE_COLUMNS}
     FROM "CardState" WHERE "userId" = $2 AND "cardId" = ANY($3::text[])`,
    [reviewIds, userId, cardIds],
  );
  const reviews = new Map<string, StoredReview>();
  const states = new Map<string, StateRow>();
  for (const row of rows) {
    if (row.source === "review") reviews.set(row.id, row);
    else states.set(row.cardId, row);
  }
  return { reviews, states };
}

export async function findStateRow(sql: Sql, userId: string, cardId: string): Promise<StateRow | null> {
  const rows = await sql<StateRow>(`SELECT ${STATE_COLUMNS} FROM "CardState" WHERE "userId" = $1 AND "cardId" = $2`, [userId, cardId]);
  return rows[0] ?? null;
}

/** The whole row as ReviewLog.previousState keeps it, so undo can put back suspension, burial and the leech tag too. */
export function toPreviousStateJson(row: StateRow): Prisma.InputJsonObject {
  return { ...serializeCardState(pickFsrsState(row)), suspended: row.suspended, buriedUntil: row.buriedUntil?.toISOString() ?? null, leech: row.leech };
}

/**
 * Writes the card's new FSRS state (keeping its suspension and burial, and applying the learner's leech rule)
 * and the review's log row, with the day load balancing chose, in one statement. `createdAt` is the wall-clock write order that undo relies on.
 */
export async function writeReview(
  sql: Sql,
  review: { id: string; userId: string; cardId: string; durationMs: number; previousState: Prisma.InputJsonObject | null; createdAt: Date },
  next: StoredCardState,
  log: ReviewLogFields,
  chosenInterval: number | null,
): Promise<void> {
  const previousState = review.previousState === null ? null : JSON.stringify(review.previousState);
  await sql(
    `WITH saved AS (
      INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                               "learningSteps", reps, lapses, state, "lastReview", "updatedAt")
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
      ON CONFLICT ("userId", "cardId") DO UPDATE SET
        due = EXCLUDED.due, stability = EXCLUDED.stability, difficulty = EXCLUDED.difficulty,
        "elapsedDays" = EXCLUDED."elapsedDays", "scheduledDays" = EXCLUDED."scheduledDays",
        "learningSteps" = EXCLUDED."learningSteps", reps = EXCLUDED.reps, lapses = EXCLUDED.lapses,
        state = EXCLUDED.state, "lastReview" = EXCLUDED."lastReview", "updatedAt" = EXCLUDED."updatedAt",
        -- The lapse that reaches the learner's threshold makes the card a leech, and suspends it if they chose so.
        leech = "CardState".leech OR EXCLUDED.lapses >= (SELECT "leechThreshold" FROM "User" WHERE id = EXCLUDED."userId"),
        suspended = "CardState".suspended OR (NOT "CardState".leech
          AND EXCLUDED.lapses >= (SELECT "leechThreshold" FROM "User" WHERE id = EXCLUDED."userId")
          AND (SELECT "suspendLeeches" FROM "User" WHERE id = EXCLUDED."userId"))
    )
    INSERT INTO "ReviewLog" (id, "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
                             "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs",
                             "previousState", "chosenInterval", "createdAt")
    VALUES ($14, $1, $2, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26::jsonb, $27::int, $13)`,
    [
      review.userId,
      review.cardId,
      next.due,
      next.stability,
      next.difficulty,
      next.elapsedDays,
      next.scheduledDays,
      next.learningSteps,
      next.reps,
      next.lapses,
      next.state,
      next.lastReview,
      review.createdAt,
      review.id,
      log.rating,
      log.state,
      log.due,
      log.stability,
      log.difficulty,
      log.elapsedDays,
      log.lastElapsedDays,
      log.scheduledDays,
      log.learningSteps,
      log.reviewedAt,
      review.durationMs,
      previousState,
      chosenInterval,
    ],
  );
}
