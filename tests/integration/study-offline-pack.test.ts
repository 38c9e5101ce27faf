import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner } from "../support/study-fixtures";
import { resetCard, suspendCard } from "@/lib/study/card-actions";
import { gradeCard } from "@/lib/study/mutations";
import { loadOfflinePack } from "@/lib/study/offline-data";

const db = await createTestDb();

const review = (cardId: string, rating: number) => ({ reviewId: randomUUID(), cardId, rating, durationMs: 1_000, expectedLastReview: null });

it("packs the next days' due cards first, then new and reset cards in deck order up to the days' new-card limits, without suspended cards", async () => {
  const learner = await createLearner(db, { newCardsPerDay: 2 });
  const deck = await createDeck(db, learner.id, { count: 10 });
  const now = new Date("2026-03-02T10:00:00Z");
  const [learning, suspended, reset] = [deck.cardIds[5]!, deck.cardIds[6]!, deck.cardIds[1]!];
  await gradeCard(db, learner.id, review(learning, 1), now);
  await gradeCard(db, learner.id, review(suspended, 1), now);
  await gradeCard(db, learner.id, review(reset, 3), now);
  await suspendCard(db, learner.id, suspended, now);
  await resetCard(db, learner.id, reset, now);

  const pack = await loadOfflinePack(db, learner.id, { deck: { id: deck.id, name: deck.name }, now: new Date(now.getTime() + 60_000) });
  expect(pack.title).toBe(deck.name);
  expect(pack.newStarted.count).toBe(3);
  // Two new cards a day for three days: the six first unstudied or reset cards by position.
  expect(pack.cards.map((card) => card.id)).toEqual([learning, deck.cardIds[0], reset, deck.cardIds[2], deck.cardIds[3], deck.cardIds[4], deck.cardIds[7]]);
  expect(pack.cards[0]!.state).toMatchObject({ state: 1, reps: 1 });
  expect(pack.cards.find((card) => card.id === reset)!.state).toMatchObject({ state: 0, reps: 0 });
  expect(pack.cards.find((card) => card.id === deck.cardIds[0])!.state).toBeNull();
});
