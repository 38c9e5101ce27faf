import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import type { StoredCardState } from "@/lib/srs/card-state";
import type { StudyCard } from "../schema";
import { pickFsrsState } from "../reviews/state-row";

/*
 * The study queue's reads in plain SQL on pg (see lib/db/sql.ts): every study screen and offline download makes
 * five to eight of them, and as Prisma model queries with nested selects they cost more CPU than everything
 * else the request does. The columns are CARD_CONTENT_SELECT's and FSRS_STATE_SELECT's.
 */

export type CardContent = Omit<StudyCard, "state"> & { position: number; deckId: string };

/** The learner ($1) and the decks whose cards a query reads ($2): studiableDeckIds' answer, or part of it. */
export type DeckScope = { userId: string; deckIds: readonly string[] };

/** studiableDeckWhere (access.ts) for the deck aliased `d`, the learner being $1. */
export const STUDIABLE_DECK_SQL = `(d."isPublic" OR d."ownerId" = $1 OR EXISTS (
  SELECT 1 FROM "Assignment" a JOIN "ClassMember" m ON m."classId" = a."classId" WHERE a."deckId" = d.id AND m."userId" = $1))`;

const CARD_COLUMNS = `c.id, c.kind::text AS kind, c.prompt, c.answer, c.choices, c.explanation, c.tolerance, c.tags,
  c."sourceDocument", c.position, c."deckId"`;
const STATE_COLUMNS = `s.due, s.stability, s.difficulty, s."elapsedDays", s."scheduledDays", s."learningSteps", s.reps, s.lapses,
  s.state, s."lastReview"`;
/** Not suspended, and not buried at $3. */
const NOT_HIDDEN = `NOT s.suspended AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= $3)`;

type CardRow = CardContent & StoredCardState;

function splitRow(row: CardRow): { card: CardContent; state: StoredCardState } {
  const { id, kind, prompt, answer, choices, explanation, tolerance, tags, sourceDocument, position, deckId } = row;
  return { card: { id, kind, prompt, answer, choices, explanation, tolerance, tags, sourceDocument, position, deckId }, state: pickFsrsState(row) };
}

/**
 * The decks the learner may study: only `deckId` if they may study it, else all of them. The queue's card queries
 * take these ids as a parameter rather than joining Deck themselves: they are prepared statements (lib/db/sql.ts),
 * and a plan that must also work for "one deck or every deck" guessed one card and read them all (61 ms per
 * queue at 110k cards in other people's decks), or could not be kept and was planned again on every call.
 */
export async function studiableDeckIds(db: Db, userId: string, deckId?: string): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    poolOf(db),
    deckId ? `SELECT d.id FROM "Deck" d WHERE d.id = $2 AND ${STUDIABLE_DECK_SQL}` : `SELECT d.id FROM "Deck" d WHERE ${STUDIABLE_DECK_SQL}`,
    deckId ? [userId, deckId] : [userId],
  );
  return rows.map((deck) => deck.id);
}

/** Studied cards (learning, review, relearning) due before `dueBefore` and not hidden at `now`, earliest first. */
export async function loadDueCards(db: Db, scope: DeckScope, dueBefore: Date, now: Date, limit: number | null = null) {
  const rows = await sqlRows<CardRow>(
    poolOf(db),
    `SELECT ${CARD_COLUMNS}, ${STATE_COLUMNS}
     FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
     WHERE s."userId" = $1 AND c."deckId" = ANY($2::text[]) AND s.state <> 0 AND s.due < $4 AND ${NOT_HIDDEN}
     ORDER BY s.due, s."cardId" LIMIT $5`,
    [scope.userId, scope.deckIds, now, dueBefore, limit],
  );
  return rows.map(splitRow);
}

/**
 * The first `limit` new cards by deck position: never-studied cards and cards reset to new. Two queries, because
 * one with "no state OR a new state" defeats PostgreSQL's anti-join and probes every card (400 ms at 100k cards).
 */
export async function loadNewCards(db: Db, scope: DeckScope, now: Date, limit: number) {
  const pool = poolOf(db);
  const [unseen, reset] = await Promise.all([
    sqlRows<CardContent>(
      pool,
      `SELECT ${CARD_COLUMNS} FROM "Card" c
       WHERE c."deckId" = ANY($2::text[]) AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."cardId" = c.id AND s."userId" = $1)
       ORDER BY c.position, c.id LIMIT $3`,
      [scope.userId, scope.deckIds, limit],
    ),
    sqlRows<CardRow>(
      pool,
      `SELECT ${CARD_COLUMNS}, ${STATE_COLUMNS}
       FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
       WHERE s."userId" = $1 AND c."deckId" = ANY($2::text[]) AND s.state = 0 AND ${NOT_HIDDEN}
       ORDER BY c.position, s."cardId" LIMIT $4`,
      [scope.userId, scope.deckIds, now, limit],
    ),
  ]);
  return [...unseen.map((card) => ({ card, state: null as StoredCardState | null })), ...reset.map(splitRow)]
    .sort((a, b) => a.card.position - b.card.position || (a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0))
    .slice(0, limit);
}

/** When the next studied, unsuspended card in scope falls due at or after `from`, or null. */
export async function findNextDue(db: Db, scope: DeckScope, from: Date): Promise<Date | null> {
  // ORDER BY … LIMIT 1 rather than min(): it walks the (userId, due) index and stops at the first card in scope.
  const [row] = await sqlRows<{ due: Date }>(
    poolOf(db),
    `SELECT s.due FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
     WHERE s."userId" = $1 AND c."deckId" = ANY($2::text[]) AND s.due >= $3 AND NOT s.suspended
     ORDER BY s.due LIMIT 1`,
    [scope.userId, scope.deckIds, from],
  );
  return row?.due ?? null;
}
