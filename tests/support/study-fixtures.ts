import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";

type CardSeed = { kind?: "CLOZE" | "QA" | "MCQ" | "TRUEFALSE" | "NUMERIC"; prompt?: string; answer?: string; choices?: string[] };

/** A learner with study settings overridden as the test needs. */
export function createLearner(db: Db, settings: { timeZone?: string; dayStartHour?: number; newCardsPerDay?: number; enableFuzz?: boolean } = {}) {
  return db.user.create({ data: { name: `Learner ${randomUUID().slice(0, 8)}`, ...settings }, select: { id: true } });
}

/** A deck owned by `ownerId` with `count` cards at positions 0..count-1 (or the given cards in order). */
export async function createDeck(db: Db, ownerId: string, options: { isPublic?: boolean; cards?: CardSeed[]; count?: number } = {}) {
  const deck = await db.deck.create({
    data: { ownerId, name: `Deck ${randomUUID().slice(0, 8)}`, isPublic: options.isPublic ?? false },
    select: { id: true, name: true },
  });
  const seeds =
    options.cards ?? Array.from({ length: options.count ?? 3 }, (_, index): CardSeed => ({ prompt: `Question ${index}`, answer: `Answer ${index}` }));
  const cardIds: string[] = [];
  for (const [position, seed] of seeds.entries()) {
    const card = await db.card.create({
      data: {
        deckId: deck.id,
        kind: seed.kind ?? "QA",
        prompt: seed.prompt ?? `Q${position}`,
        answer: seed.answer ?? `A${position}`,
        choices: seed.choices ?? [],
        position,
      },
      select: { id: true },
    });
    cardIds.push(card.id);
  }
  return { ...deck, cardIds };
}

/** Everything a learner's study leaves in the database, to compare before and after a refused write. */
export async function snapshotStudy(db: Db, userId: string) {
  const [states, logs] = await Promise.all([
    db.cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" }, omit: { updatedAt: true } }),
    db.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } }),
  ]);
  return { states, logs };
}
