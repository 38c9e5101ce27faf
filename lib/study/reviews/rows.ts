import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/db/generated/client";
import type { StoredCardState } from "@/lib/srs/card-state";
import type { ReviewLogFields } from "@/lib/srs/grade";
import { studySettingsSchema, type StudySettings } from "@/lib/srs/settings";
import { STUDIABLE_CARDS_SQL } from "../access";
import { serializeCardState } from "../schema";
import { USER_SETTINGS_COLUMNS } from "../settings";
import { FSRS_STATE_SELECT, pickFsrsState } from "./state-row";

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

const STATE_COLUMN_NAMES = [...Object.keys(FSRS_STATE_SELECT), "suspended", "buriedUntil", "leech"];
const STATE_COLUMNS = STATE_COLUMN_NAMES.map((column) => `"${column}"`).join(", ");

/** Everything a grade reads before it writes, under the learner's lock (readGradeInputs). */
export type GradeInputs = {
  settings: StudySettings;
  /** The batch's cards the learner may study, with when each was made (ms); any other card is refused. */
  cardsMadeAt: Map<string, number>;
  /** The reviews already stored under the batch's ids, any learner's: a reused id must be refused. */
  reviews: Map<string, StoredReview>;
  /** The learner's state rows of the batch's studiable cards. */
  states: Map<string, StateRow>;
};

type InputRow = { source: "card" | "review" | null; cardId: string; cardMadeAt: Date } & StoredReview & Partial<StateRow> & Record<string, unknown>;

// The settings are prefixed: User and CardState both have a "learningSteps" column.
const settingsColumn = (column: string) => `user.${column}`;

/*
 * One round trip instead of two or three: on these machines a round trip to PostgreSQL costs the server about as
 * much as a small statement (README, Benchmarks). The learner's settings are on every row; `source` says what else
 * a row holds, a studiable card with its state (NULL columns when never studied) or a stored review. A learner
 * with neither gives one row with no source.
 */
export const GRADE_INPUTS_SQL = `SELECT ${USER_SETTINGS_COLUMNS.map((column) => `u."${column}" AS "${settingsColumn(column)}"`).join(", ")}, x.*
FROM "User" u LEFT JOIN (
  SELECT 'card' AS source, card.id AS "cardId", card."createdAt" AS "cardMadeAt", NULL AS id, NULL AS "userId", NULL AS rating,
         NULL AS "reviewedAt", NULL AS "previousState", NULL AS "chosenInterval", ${STATE_COLUMN_NAMES.map((column) => `s."${column}"`).join(", ")}
  FROM (${STUDIABLE_CARDS_SQL}) card LEFT JOIN "CardState" s ON s."userId" = $1 AND s."cardId" = card.id
  UNION ALL
  SELECT 'review', "cardId", NULL, id, "userId", rating, "reviewedAt", "previousState", "chosenInterval", ${STATE_COLUMN_NAMES.map(() => "NULL").join(", ")}
  FROM "ReviewLog" WHERE id = ANY($3::text[])
) x ON true WHERE u.id = $1`;

/** What a grade reads under the study lock, in one statement; throws if the account is gone, as loadStudySettings does. */
export async function readGradeInputs(sql: Sql, userId: string, reviewIds: string[], cardIds: string[]): Promise<GradeInputs> {
  const rows = await sql<InputRow>(GRADE_INPUTS_SQL, [userId, cardIds, reviewIds]);
  if (rows.length === 0) throw new Error("The user has no settings row.");
  const settings = studySettingsSchema.parse(Object.fromEntries(USER_SETTINGS_COLUMNS.map((column) => [column, rows[0]![settingsColumn(column)]])));
  const inputs: GradeInputs = { settings, cardsMadeAt: new Map(), reviews: new Map(), states: new Map() };
  for (const row of rows) {
    if (row.source === "review") inputs.reviews.set(row.id, row);
    if (row.source !== "card") continue;
    inputs.cardsMadeAt.set(row.cardId, row.cardMadeAt.getTime());
    // CardState.due is NOT NULL, so a NULL due is a card never studied.
    if (row.due) inputs.states.set(row.cardId, row as InputRow & StateRow);
  }
  return inputs;
}

export async function findStateRow(sql: Sql, userId: string, cardId: string): Promise<StateRow | null> {
  const rows = await sql<StateRow>(`SELECT ${STATE_COLUMNS} FROM "CardState" WHERE "userId" = $1 AND "cardId" = $2`, [userId, cardId]);
  return rows[0] ?? null;
}

/** The whole row as ReviewLog.previousState keeps it, so undo can put back suspension, burial and the leech tag too. */
export function toPreviousStateJson(row: StateRow): Prisma.InputJsonObject {
  return { ...serializeCardState(pickFsrsState(row)), suspended: row.suspended, buriedUntil: row.buriedUntil?.toISOString() ?? null, leech: row.leech };
}

/** A review as writeReview stores it; `createdAt` is the wall-clock write order that undo relies on. */
export type ReviewWrite = { id: string; userId: string; cardId: string; durationMs: number; previousState: Prisma.InputJsonObject | null; createdAt: Date };

/** writeReview's statement, also sent by bench/grade-floor.ts. */
export const WRITE_REVIEW_SQL = `WITH saved AS (
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
  VALUES ($14, $1, $2, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26::jsonb, $27::int, $13)`;

/** WRITE_REVIEW_SQL's values for a review, the card's new state, its log fields and the day load balancing chose. */
export function writeReviewValues(review: ReviewWrite, next: StoredCardState, log: ReviewLogFields, chosenInterval: number | null): unknown[] {
  const previousState = review.previousState === null ? null : JSON.stringify(review.previousState);
  return [
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
  ];
}

/**
 * Writes the card's new FSRS state (keeping its suspension and burial, and applying the learner's leech rule)
 * and the review's log row, with the day load balancing chose, in one statement, sent with the transaction's
 * next statement or its COMMIT (Sql.write).
 */
export function writeReview(sql: Sql, review: ReviewWrite, next: StoredCardState, log: ReviewLogFields, chosenInterval: number | null): Promise<void> {
  return sql.write(WRITE_REVIEW_SQL, writeReviewValues(review, next, log, chosenInterval));
}
