import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner } from "../support/study-fixtures";
import { buryCard, suspendCard } from "@/lib/study/reviews/card-actions";
import { loadStudyQueue } from "@/lib/study/queue/data";
import { listStudyDecks } from "@/lib/study/queue/deck-list";
import { recordReview } from "@/lib/study/reviews/mutations";
import type { ReviewRating } from "@/lib/srs/grade";
import { loadOfflinePack } from "@/lib/study/device/offline-data";
import { buildOfflineQueue } from "@/lib/study/device/offline-pack";

const db = await createTestDb();
const NOW = new Date("2026-03-10T15:00:00Z");
const MINUTE = 60_000;
const DAY = 86_400_000;

async function grade(userId: string, cardId: string, ratings: ReviewRating[], at: Date) {
  let time = at.getTime();
  for (const rating of ratings) {
    const state = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } }, select: { lastReview: true } });
    const input = { reviewId: randomUUID(), cardId, rating, durationMs: 1_000, expectedLastReview: state?.lastReview ?? null };
    const result = await recordReview(db, userId, input, new Date(time));
    if (!result.ok) throw new Error(result.message);
    time += 10 * MINUTE;
  }
}

describe("one definition of due, learning and new (issue #21)", () => {
  it("the Decks page, the Dashboard, the study queue and the offline pack agree for buried, suspended, learning and overdue cards", async () => {
    const learner = await createLearner(db, { newCardsPerDay: 3, enableFuzz: false });
    const deck = await createDeck(db, learner.id, { count: 12 });
    const [overdue, buriedReview, suspendedReview, learningNow, learningLater, buriedNew, suspendedNew] = deck.cardIds as string[];
    const twentyDaysAgo = new Date(NOW.getTime() - 20 * DAY);
    for (const cardId of [overdue!, buriedReview!, suspendedReview!]) await grade(learner.id, cardId, [3, 3], twentyDaysAgo);
    await buryCard(db, learner.id, buriedReview!, NOW);
    await suspendCard(db, learner.id, suspendedReview!, NOW);
    await grade(learner.id, learningNow!, [1], new Date(NOW.getTime() - 5 * MINUTE)); // due again a minute later: now
    await grade(learner.id, learningLater!, [1, 3], new Date(NOW.getTime() - 12 * MINUTE)); // next step in 10 minutes: later today
    await buryCard(db, learner.id, buriedNew!, NOW);
    await suspendCard(db, learner.id, suspendedNew!, NOW);

    // Today: 1 overdue review, 2 learning (due now and later today); 2 of the 3 new cards a day were started today.
    const expected = { review: 1, learning: 2, new: 1 };
    const queue = await loadStudyQueue(db, learner.id, { deckId: deck.id, now: NOW });
    expect({ review: queue.counts.review, learning: queue.counts.learning, new: queue.counts.new }).toEqual(expected);
    expect(new Set(queue.cards.map((card) => card.id))).toEqual(new Set([learningNow, overdue, deck.cardIds[7], learningLater]));

    const all = await loadStudyQueue(db, learner.id, { now: NOW });
    const { decks, today } = await listStudyDecks(db, learner.id, NOW);
    // The Dashboard's "Due today" and "New left today" are `today`; the Decks page shows each deck and "Study all due".
    expect(today).toEqual(expected);
    expect({ review: all.counts.review, learning: all.counts.learning, new: all.counts.new }).toEqual(expected);
    expect(decks.find((entry) => entry.id === deck.id)).toMatchObject({ due: 3, learning: 2, newAvailable: 1, suspended: 2, buried: 2 });

    const pack = await loadOfflinePack(db, learner.id, { deck: { id: deck.id, name: deck.name }, now: NOW });
    const offline = buildOfflineQueue(pack, NOW);
    expect(offline.counts).toEqual(queue.counts);
    expect(offline.cards.map((card) => card.id)).toEqual(queue.cards.map((card) => card.id));

    // The next study day: the buried cards are back everywhere, the suspended ones nowhere.
    const tomorrow = new Date(NOW.getTime() + DAY);
    const next = await listStudyDecks(db, learner.id, tomorrow);
    const nextQueue = await loadStudyQueue(db, learner.id, { deckId: deck.id, now: tomorrow });
    expect(next.today).toEqual({ review: nextQueue.counts.review, learning: nextQueue.counts.learning, new: nextQueue.counts.new });
    expect(nextQueue.cards.map((card) => card.id)).toEqual(expect.arrayContaining([buriedReview, buriedNew]));
    expect(nextQueue.cards.map((card) => card.id)).not.toContain(suspendedReview);
    expect(next.decks[0]).toMatchObject({ suspended: 2, buried: 0 });
  });
});
