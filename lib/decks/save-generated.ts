import "server-only";
import type { Db } from "@/lib/db/client";
import { cardContentSchema, type CardKindName } from "@/lib/cards/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { GeneratedCard } from "@/lib/generator/types";
import { isTeacherAccount } from "@/lib/auth/teacher";
import { upsertGeneratedCards } from "./generated-cards";
import { createDeck } from "./mutations";
import type { SaveGeneratedInput } from "./schema";

/** Every card passes the same per-kind rules as the editor, since the teacher may have edited it in the browser. */
function checkCards(cards: GeneratedCard[]): string | null {
  for (const [index, card] of cards.entries()) {
    const checked = cardContentSchema.safeParse({ ...card, kind: card.kind.toUpperCase() as CardKindName, tolerance: card.tolerance ?? null });
    if (!checked.success) return `Card ${index + 1} (“${card.prompt.slice(0, 40)}”): ${checked.error.issues[0]?.message ?? "invalid"}`;
  }
  return null;
}

/** Saves accepted generator cards into the teacher's deck (or a new one), upserting by stable id. */
export async function saveGeneratedCards(
  db: Db,
  ownerId: string,
  input: SaveGeneratedInput,
): Promise<ActionResult<{ deckId: string; created: number; updated: number }>> {
  if (!(await isTeacherAccount(db, ownerId))) return fail("forbidden", "Only teachers can save generated cards.");
  const problem = checkCards(input.cards);
  if (problem) return fail("invalid_input", problem);
  let deckId: string;
  if ("deckId" in input.target) {
    const owned = await db.deck.findFirst({ where: { id: input.target.deckId, ownerId }, select: { id: true } });
    if (!owned) return fail("not_found", "That deck does not exist or is not yours.");
    deckId = owned.id;
  } else {
    const created = await createDeck(db, ownerId, { name: input.target.newDeckName, description: "", tags: [] });
    if (!created.ok) return created;
    deckId = created.data.id;
  }
  const result = await upsertGeneratedCards(db, deckId, input.cards, input.conflicts);
  return ok({ deckId, created: result.created, updated: result.updated });
}
