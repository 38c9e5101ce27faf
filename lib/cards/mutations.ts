import "server-only";
import type { Db } from "@/lib/db/client";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { CardContent } from "./schema";
import { copyImagesShown } from "@/lib/media/mutations";

const CARD_NOT_FOUND = "That card does not exist or is not yours.";
const DECK_NOT_FOUND = "That deck does not exist or is not yours.";
// A row-by-row update of a few thousand cards outlasts Prisma's 5 s default.
const BULK_TRANSACTION = { timeout: 60_000 };

/** Adds a card at the end of the owner's deck. */
export async function createCard(db: Db, ownerId: string, deckId: string, content: CardContent): Promise<ActionResult<{ id: string }>> {
  return db.$transaction(async (tx) => {
    const deck = await tx.deck.findFirst({ where: { id: deckId, ownerId }, select: { id: true } });
    if (!deck) return fail("not_found", DECK_NOT_FOUND);
    const last = await tx.card.aggregate({ where: { deckId }, _max: { position: true } });
    const card = await tx.card.create({ data: { ...content, deckId, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
    return ok(card);
  });
}

/**
 * Edits a card in place: the row keeps its id, so every student's CardState and review history stay attached.
 * The stable id is kept too, which lets a later regeneration overwrite the edit; flags are cleared because the
 * teacher has now reviewed the card, and a fact's alternate faces because they restate the text before the edit.
 */
export async function updateCard(db: Db, ownerId: string, cardId: string, content: CardContent): Promise<ActionResult<{ id: string }>> {
  const { count } = await db.card.updateMany({ where: { id: cardId, deck: { ownerId } }, data: { ...content, flags: [], faces: [] } });
  return count === 1 ? ok({ id: cardId }) : fail("not_found", CARD_NOT_FOUND);
}

/** Deletes one card of the owner's deck. */
export async function deleteCard(db: Db, ownerId: string, cardId: string): Promise<ActionResult<{ id: string }>> {
  const { count } = await db.card.deleteMany({ where: { id: cardId, deck: { ownerId } } });
  return count === 1 ? ok({ id: cardId }) : fail("not_found", CARD_NOT_FOUND);
}

/** All-or-nothing ownership check for bulk actions: one foreign id refuses the whole request. */
async function ownsAll(db: Pick<Db, "card">, ownerId: string, cardIds: string[]): Promise<boolean> {
  const unique = [...new Set(cardIds)];
  const count = await db.card.count({ where: { id: { in: unique }, deck: { ownerId } } });
  return count === unique.length;
}

/** Adds and removes tags on many cards of the owner. */
export async function tagCards(
  db: Db,
  ownerId: string,
  input: { cardIds: string[]; add: string[]; remove: string[] },
): Promise<ActionResult<{ count: number }>> {
  return db.$transaction(async (tx) => {
    if (!(await ownsAll(tx, ownerId, input.cardIds))) return fail("not_found", "Some of those cards are not yours.");
    const cards = await tx.card.findMany({ where: { id: { in: input.cardIds } }, select: { id: true, tags: true } });
    const removed = new Set(input.remove);
    for (const card of cards) {
      const tags = [...new Set([...card.tags, ...input.add])].filter((tag) => !removed.has(tag));
      await tx.card.update({ where: { id: card.id }, data: { tags } });
    }
    return ok({ count: cards.length });
  }, BULK_TRANSACTION);
}

/**
 * Moves cards of the owner into another deck of the same owner, after its cards and in the order they had. Students
 * keep their memory of the cards (same rows). A stable id already used in the target is dropped, since it must be
 * unique within a deck.
 */
export async function moveCards(db: Db, ownerId: string, input: { cardIds: string[]; targetDeckId: string }): Promise<ActionResult<{ count: number }>> {
  return db.$transaction(async (tx) => {
    const target = await tx.deck.findFirst({ where: { id: input.targetDeckId, ownerId }, select: { id: true } });
    if (!target) return fail("not_found", DECK_NOT_FOUND);
    if (!(await ownsAll(tx, ownerId, input.cardIds))) return fail("not_found", "Some of those cards are not yours.");
    // In their order in the deck they leave: without an order PostgreSQL returns rows as they lie on disk, which an
    // edit or a tag (a new row version) reshuffles.
    const moving = await tx.card.findMany({
      where: { id: { in: input.cardIds }, deckId: { not: target.id } },
      select: { id: true, stableId: true, deckId: true, prompt: true, answer: true, explanation: true, choices: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    await copyImagesShown(tx, [...new Set(moving.map((card) => card.deckId))], target.id, moving);
    const stableIds = moving.flatMap((card) => (card.stableId ? [card.stableId] : []));
    const clashing = new Set(
      (await tx.card.findMany({ where: { deckId: target.id, stableId: { in: stableIds } }, select: { stableId: true } })).map((card) => card.stableId),
    );
    const last = await tx.card.aggregate({ where: { deckId: target.id }, _max: { position: true } });
    let position = (last._max.position ?? -1) + 1;
    for (const card of moving) {
      const stableId = card.stableId && clashing.has(card.stableId) ? null : card.stableId;
      await tx.card.update({ where: { id: card.id }, data: { deckId: target.id, stableId, position: position++ } });
    }
    return ok({ count: moving.length });
  }, BULK_TRANSACTION);
}

/** Deletes many cards of the owner, or none if any id is not theirs. */
export async function deleteCards(db: Db, ownerId: string, cardIds: string[]): Promise<ActionResult<{ count: number }>> {
  return db.$transaction(async (tx) => {
    if (!(await ownsAll(tx, ownerId, cardIds))) return fail("not_found", "Some of those cards are not yours.");
    const { count } = await tx.card.deleteMany({ where: { id: { in: cardIds }, deck: { ownerId } } });
    return ok({ count });
  });
}
