import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner } from "../support/study-fixtures";
import { resetCard, suspendCard } from "@/lib/study/reviews/card-actions";
import { recordReview } from "@/lib/study/reviews/mutations";
import type { ReviewRating } from "@/lib/srs/grade";
import { loadStudyQueue } from "@/lib/study/queue/data";
import { loadOfflinePack } from "@/lib/study/device/offline-data";
import { buildOfflineQueue, recordReviewInPack } from "@/lib/study/device/offline-pack";
import { gradeLocally } from "@/lib/study/device/session";

const db = await createTestDb();

const review = (cardId: string, rating: ReviewRating) => ({ reviewId: randomUUID(), cardId, rating, durationMs: 1_000, expectedLastReview: null });

it("packs the next days' due cards first, then new and reset cards in deck order up to the days' new-card limits, without suspended cards", async () => {
  const learner = await createLearner(db, { newCardsPerDay: 2 });
  const deck = await createDeck(db, learner.id, { count: 10 });
  const now = new Date("2026-03-02T10:00:00Z");
  const [learning, suspended, reset] = [deck.cardIds[5]!, deck.cardIds[6]!, deck.cardIds[1]!];
  await recordReview(db, learner.id, review(learning, 1), now);
  await recordReview(db, learner.id, review(suspended, 1), now);
  await recordReview(db, learner.id, review(reset, 3), now);
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

it("paces an exam deck's new cards on the device as the online queue does, not by the daily limit", async () => {
  const learner = await createLearner(db, { newCardsPerDay: 2 });
  const deck = await createDeck(db, learner.id, { count: 40 });
  const other = await createDeck(db, learner.id, { count: 5 });
  const now = new Date("2026-03-02T10:00:00Z");
  // Finish 13 study days from today: 40 cards at 4 a day.
  await db.deckExam.create({ data: { userId: learner.id, deckId: deck.id, examDate: new Date("2026-03-22T00:00:00Z"), finishDaysBefore: 7 } });

  const online = await loadStudyQueue(db, learner.id, { deckId: deck.id, now });
  const pack = await loadOfflinePack(db, learner.id, { deck: { id: deck.id, name: deck.name }, now });
  expect(online.counts.new).toBe(4);
  expect(buildOfflineQueue(pack, now).cards.map((card) => card.id)).toEqual(online.cards.map((card) => card.id));

  // A new card started on the device leaves three for today, and the pace carries on the next day.
  const first = online.cards[0]!;
  const graded = gradeLocally(first, 4, now, pack.settings, { reviewId: randomUUID(), dueCounts: pack.dueCounts });
  const after = recordReviewInPack(pack, first.id, null, graded.card.state, now);
  expect(buildOfflineQueue(after, new Date(now.getTime() + 60_000)).counts.new).toBe(3);
  expect(buildOfflineQueue(after, new Date(now.getTime() + 86_400_000)).counts.new).toBe(4);

  // The all-decks pack paces the exam deck and keeps the daily limit for the others.
  const everything = await loadOfflinePack(db, learner.id, { now });
  const allQueue = buildOfflineQueue(everything, now);
  expect(allQueue.counts.new).toBe(6);
  expect(allQueue.cards.filter((card) => other.cardIds.includes(card.id))).toHaveLength(2);
});
