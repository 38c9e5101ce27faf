import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import type { Prisma } from "@/lib/db/generated/client";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { STUDIABLE_DECK_SQL } from "./queue/rows";
import type { QueueQuery } from "./schema";

/** Decks a learner may study: public decks, their own, and decks assigned to a class they belong to (in SQL: STUDIABLE_DECK_SQL). */
export function studiableDeckWhere(userId: string): Prisma.DeckWhereInput {
  return {
    OR: [{ isPublic: true }, { ownerId: userId }, { assignments: { some: { class: { members: { some: { userId } } } } } }],
  };
}

/**
 * Of the cards $2, the ones the learner $1 may study, with when each was made: plain SQL on pg because every
 * grade asks (see lib/db/sql.ts and readGradeInputs in lib/study/reviews/rows.ts).
 */
export const STUDIABLE_CARDS_SQL = `SELECT c.id, c."createdAt" FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" WHERE c.id = ANY($2::text[]) AND ${STUDIABLE_DECK_SQL}`;

/** Whether the learner may study this card; a missing card and a forbidden one look the same to the caller. */
export async function canStudyCard(db: Db, userId: string, cardId: string): Promise<boolean> {
  return (await sqlRows(poolOf(db), STUDIABLE_CARDS_SQL, [userId, [cardId]])).length > 0;
}

/** The deck's name when the learner may study it, else null. */
export async function findStudiableDeck(db: Db, userId: string, deckId: string) {
  return db.deck.findFirst({ where: { id: deckId, ...studiableDeckWhere(userId) }, select: { id: true, name: true } });
}

/** The parsed `?deck=ID` of a study request: no deck (every deck the learner studies) or one the learner may study. */
export async function resolveDeckQuery(db: Db, userId: string, query: QueueQuery): Promise<ActionResult<{ deck: { id: string; name: string } | null }>> {
  if (!query.deck) return ok({ deck: null });
  const deck = await findStudiableDeck(db, userId, query.deck);
  return deck ? ok({ deck }) : fail("not_found", "That deck is not in your decks.");
}
