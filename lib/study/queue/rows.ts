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

/** Cards of decks the learner may study ($1 is the learner), optionally one deck, minus some decks. */
export type CardScope = { userId: string; deckId?: string; excludedDeckIds?: readonly string[] };

/** studiableDeckWhere (access.ts) for the deck aliased `d`, the learner being $1. */
export const STUDIABLE_DECK_SQL = `(d."isPublic" OR d."ownerId" = $1 OR EXISTS (
  SELECT 1 FROM "Assignment" a JOIN "ClassMember" m ON m."classId" = a."classId" WHERE a."deckId" = d.id AND m."userId" = $1))`;

const CARD_COLUMNS = `c.id, c.kind::text AS kind, c.prompt, c.answer, c.choices, c.explanation, c.tolerance, c.tags,
  c."sourceDocument", c.position, c."deckId"`;
const STATE_COLUMNS = `s.due, s.stability, s.difficulty, s."elapsedDays", s."scheduledDays", s."learningSteps", s.reps, s.lapses,
  s.state, s."lastReview"`;
/** Scope of deck `d` (and so of its cards `c`): $1 learner, $2 one deck or null, $3 decks left out. */
const IN_SCOPE = `${STUDIABLE_DECK_SQL} AND ($2::text IS NULL OR d.id = $2) AND NOT (d.id = ANY($3::text[]))`;
/** Not suspended, and not buried at $4. */
const NOT_HIDDEN = `NOT s.suspended AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= $4)`;

const scopeParams = (scope: CardScope) => [scope.userId, scope.deckId ?? null, [...(scope.excludedDeckIds ?? [])]];

type CardRow = CardContent & StoredCardState;

function splitRow(row: CardRow): { card: CardContent; state: StoredCardState } {
  const { id, kind, prompt, answer, choices, explanation, tolerance, tags, sourceDocument, position, deckId } = row;
  return { card: { id, kind, prompt, answer, choices, explanation, tolerance, tags, sourceDocument, position, deckId }, state: pickFsrsState(row) };
}

/** Studied cards (learning, review, relearning) due before `dueBefore` and not hidden at `now`, earliest first. */
export async function loadDueCards(db: Db, scope: CardScope, dueBefore: Date, now: Date, limit: number | null = null) {
  const rows = await sqlRows<CardRow>(
    poolOf(db),
    `SELECT ${CARD_COLUMNS}, ${STATE_COLUMNS}
     FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Deck" d ON d.id = c."deckId"
     WHERE s."userId" = $1 AND s.state <> 0 AND s.due < $5 AND ${NOT_HIDDEN} AND ${IN_SCOPE}
     ORDER BY s.due, s."cardId" LIMIT $6`,
    [...scopeParams(scope), now, dueBefore, limit],
  );
  return rows.map(splitRow);
}

/**
 * The first `limit` new cards by deck position: never-studied cards and cards reset to new. Two queries, because
 * one with "no state OR a new state" defeats PostgreSQL's anti-join and probes every card (400 ms at 100k cards).
 */
export async function loadNewCards(db: Db, scope: CardScope, now: Date, limit: number) {
  const pool = poolOf(db);
  // The learner's decks are read first and sent as a parameter, so the plan knows them and reads only their cards
  // by the (deckId, position) index. Joined to Deck in one statement, PostgreSQL read every card in the database
  // and dropped other people's decks (61 ms per queue at 110k cards); an ARRAY(subquery) did no better.
  const deckIds = (await sqlRows<{ id: string }>(pool, `SELECT d.id FROM "Deck" d WHERE ${IN_SCOPE}`, scopeParams(scope))).map((deck) => deck.id);
  const [unseen, reset] = await Promise.all([
    sqlRows<CardContent>(
      pool,
      `SELECT ${CARD_COLUMNS} FROM "Card" c
       WHERE c."deckId" = ANY($2::text[]) AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."cardId" = c.id AND s."userId" = $1)
       ORDER BY c.position, c.id LIMIT $3`,
      [scope.userId, deckIds, limit],
    ),
    sqlRows<CardRow>(
      pool,
      `SELECT ${CARD_COLUMNS}, ${STATE_COLUMNS}
       FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Deck" d ON d.id = c."deckId"
       WHERE s."userId" = $1 AND s.state = 0 AND ${NOT_HIDDEN} AND ${IN_SCOPE}
       ORDER BY c.position, s."cardId" LIMIT $5`,
      [...scopeParams(scope), now, limit],
    ),
  ]);
  return [...unseen.map((card) => ({ card, state: null as StoredCardState | null })), ...reset.map(splitRow)]
    .sort((a, b) => a.card.position - b.card.position || (a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0))
    .slice(0, limit);
}

/** When the next studied, unsuspended card in scope falls due at or after `from`, or null. */
export async function findNextDue(db: Db, scope: CardScope, from: Date): Promise<Date | null> {
  // ORDER BY … LIMIT 1 rather than min(): it walks the (userId, due) index and stops at the first card in scope.
  const [row] = await sqlRows<{ due: Date }>(
    poolOf(db),
    `SELECT s.due FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Deck" d ON d.id = c."deckId"
     WHERE s."userId" = $1 AND s.due >= $4 AND NOT s.suspended AND ${IN_SCOPE}
     ORDER BY s.due LIMIT 1`,
    [...scopeParams(scope), from],
  );
  return row?.due ?? null;
}
