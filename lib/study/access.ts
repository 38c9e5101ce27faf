import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** Decks a learner may study: public decks, their own, and decks assigned to a class they belong to. */
export function studiableDeckWhere(userId: string): Prisma.DeckWhereInput {
  return {
    OR: [
      { isPublic: true },
      { ownerId: userId },
      { assignments: { some: { class: { members: { some: { userId } } } } } },
    ],
  };
}

/** Whether the learner may study this card; a missing card and a forbidden one look the same to the caller. */
export async function canStudyCard(db: Db | Prisma.TransactionClient, userId: string, cardId: string): Promise<boolean> {
  const card = await db.card.findFirst({ where: { id: cardId, deck: studiableDeckWhere(userId) }, select: { id: true } });
  return card !== null;
}

/** The deck's name when the learner may study it, else null. */
export async function findStudiableDeck(db: Db, userId: string, deckId: string) {
  return db.deck.findFirst({ where: { id: deckId, ...studiableDeckWhere(userId) }, select: { id: true, name: true } });
}
