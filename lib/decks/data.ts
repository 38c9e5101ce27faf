import "server-only";
import type { Db } from "@/lib/db/client";
import { studiableDeckWhere } from "@/lib/study/access";
import { assignableDeckWhere } from "./access";

/** The teacher's own decks, newest first, with card counts. */
export function listOwnedDecks(db: Db, ownerId: string) {
  return db.deck.findMany({
    where: { ownerId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, description: true, tags: true, isPublic: true, updatedAt: true, _count: { select: { cards: true } } },
  });
}

/** One deck's settings when `ownerId` owns it, else null (a missing deck and another's look the same). */
export function findOwnedDeck(db: Db, ownerId: string, deckId: string) {
  return db.deck.findFirst({
    where: { id: deckId, ownerId },
    select: { id: true, name: true, description: true, tags: true, isPublic: true, _count: { select: { cards: true } } },
  });
}

/** Decks the teacher may assign or copy (own and public), for pickers. */
export function listAssignableDecks(db: Db, userId: string) {
  return db.deck.findMany({
    where: assignableDeckWhere(userId),
    orderBy: { name: "asc" },
    select: { id: true, name: true, ownerId: true, isPublic: true },
  });
}

/** A deck with every card, in order, for export; null unless the user may read the deck. */
export function findExportableDeck(db: Db, userId: string, deckId: string) {
  return db.deck.findFirst({
    where: { id: deckId, ...studiableDeckWhere(userId) },
    select: {
      id: true,
      name: true,
      description: true,
      cards: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, stableId: true, kind: true, prompt: true, answer: true, choices: true, explanation: true, tolerance: true, tags: true },
      },
    },
  });
}
export type ExportableDeck = NonNullable<Awaited<ReturnType<typeof findExportableDeck>>>;
