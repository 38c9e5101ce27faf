import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { isTeacherAccount } from "@/lib/auth/teacher";
import { assignableDeckWhere } from "./access";
import { CARD_COPY_SELECT } from "./card-columns";
import type { DeckFields } from "./schema";
import { copyImagesShown } from "@/lib/media/mutations";
import { isUniqueViolation } from "@/lib/db/unique-violation";

const NOT_FOUND = "That deck does not exist or is not yours.";

const nameTaken = () => fail("conflict", "You already have a deck with this name.", { fieldErrors: { name: ["You already have a deck with this name."] } });

/** Creates an empty deck owned by the teacher. */
export async function createDeck(db: Db, ownerId: string, fields: DeckFields): Promise<ActionResult<{ id: string }>> {
  if (!(await isTeacherAccount(db, ownerId))) return fail("forbidden", "Only teachers can create decks here.");
  try {
    const deck = await db.deck.create({ data: { ownerId, ...fields }, select: { id: true } });
    return ok(deck);
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken();
    throw error;
  }
}

/** Renames, describes and tags the owner's deck. */
export async function updateDeck(db: Db, ownerId: string, deckId: string, fields: DeckFields): Promise<ActionResult<{ id: string }>> {
  try {
    const { count } = await db.deck.updateMany({ where: { id: deckId, ownerId }, data: fields });
    return count === 1 ? ok({ id: deckId }) : fail("not_found", NOT_FOUND);
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken();
    throw error;
  }
}

/** Publishes (every signed-in user can find and study it) or unpublishes the owner's deck. */
export async function setDeckPublic(db: Db, ownerId: string, deckId: string, isPublic: boolean): Promise<ActionResult<{ isPublic: boolean }>> {
  const { count } = await db.deck.updateMany({ where: { id: deckId, ownerId }, data: { isPublic } });
  return count === 1 ? ok({ isPublic }) : fail("not_found", NOT_FOUND);
}

/** Deletes the owner's deck with its cards, and by cascade every student's memory of them and its assignments. */
export async function deleteDeck(db: Db, ownerId: string, deckId: string): Promise<ActionResult<{ id: string }>> {
  const { count } = await db.deck.deleteMany({ where: { id: deckId, ownerId } });
  return count === 1 ? ok({ id: deckId }) : fail("not_found", NOT_FOUND);
}

/** "Name (copy)", or "Name (copy 2)" and so on when the teacher already has that name. */
async function freeCopyName(tx: Prisma.TransactionClient, ownerId: string, name: string): Promise<string> {
  const base = `${name.slice(0, 88)} (copy`;
  const taken = new Set((await tx.deck.findMany({ where: { ownerId, name: { startsWith: base } }, select: { name: true } })).map((deck) => deck.name));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base})` : `${base} ${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Copies an own or public deck into a new private deck of the teacher: new card ids (students' memory stays with
 * the original), same stable ids, so regenerating or re-importing into the copy still updates in place.
 */
export async function copyDeck(db: Db, ownerId: string, deckId: string): Promise<ActionResult<{ id: string; name: string }>> {
  if (!(await isTeacherAccount(db, ownerId))) return fail("forbidden", "Only teachers can copy decks.");
  return db.$transaction(
    async (tx) => {
      const source = await tx.deck.findFirst({
        where: { id: deckId, ...assignableDeckWhere(ownerId) },
        select: {
          name: true,
          description: true,
          tags: true,
          cards: { select: CARD_COPY_SELECT },
          conflicts: { select: { topic: true, description: true, sources: true } },
        },
      });
      if (!source) return fail("not_found", "That deck does not exist or cannot be copied.");
      const name = await freeCopyName(tx, ownerId, source.name);
      const copy = await tx.deck.create({ data: { ownerId, name, description: source.description, tags: source.tags }, select: { id: true } });
      // The column is NOT NULL with a "[]" default, so a stored value is always a JSON array.
      await tx.card.createMany({ data: source.cards.map((card) => ({ ...card, faces: card.faces as Prisma.InputJsonArray, deckId: copy.id })) });
      await tx.sourceConflict.createMany({ data: source.conflicts.map((conflict) => ({ ...conflict, id: randomUUID(), deckId: copy.id })) });
      await copyImagesShown(tx, [deckId], copy.id, source.cards);
      return ok({ id: copy.id, name });
    },
    { timeout: 30_000 },
  );
}
