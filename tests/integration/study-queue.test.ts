import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner } from "../support/study-fixtures";
import { loadStudyQueue } from "@/lib/study/queue/data";
import { recordReview } from "@/lib/study/reviews/mutations";
import type { ReviewRating } from "@/lib/srs/grade";
import { listStudyDecks } from "@/lib/study/queue/deck-list";

const db = await createTestDb();

function firstReview(cardId: string, rating: ReviewRating = 3) {
  return { reviewId: randomUUID(), cardId, rating, durationMs: 1_000, expectedLastReview: null };
}

describe("loadStudyQueue", () => {
  it("returns card content and state, ordered and counted by kind", async () => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, {
      cards: [{ kind: "MCQ", prompt: "Where did ministers meet in May 2025?", answer: "Antalya", choices: ["Antalya", "Oslo", "Riga"] }, {}, {}],
    });
    const now = new Date("2026-03-02T10:00:00Z");
    await recordReview(db, learner.id, firstReview(deck.cardIds[1]!, 1), now);
    const queue = await loadStudyQueue(db, learner.id, { deckId: deck.id, now: new Date(now.getTime() + 2 * 60_000) });
    expect(queue.counts).toEqual({ new: 2, learning: 1, review: 0 });
    expect(queue.cards.map((card) => card.id)).toEqual([deck.cardIds[1], deck.cardIds[0], deck.cardIds[2]]);
    expect(queue.cards[1]).toMatchObject({ kind: "MCQ", answer: "Antalya", choices: ["Antalya", "Oslo", "Riga"], state: null });
    expect(queue.cards[0]!.state).toMatchObject({ state: 1, reps: 1 });
    expect(queue.settings.newCardsPerDay).toBe(20);
  });

  it("covers public, own and class-assigned decks but not other people's private decks", async () => {
    const learner = await createLearner(db);
    const other = await createLearner(db);
    const own = await createDeck(db, learner.id, { count: 1 });
    const pub = await createDeck(db, other.id, { count: 1, isPublic: true });
    const assigned = await createDeck(db, other.id, { count: 1 });
    const hidden = await createDeck(db, other.id, { count: 1 });
    const klass = await db.class.create({ data: { name: "Class", joinCode: randomUUID().slice(0, 8) } });
    await db.classMember.create({ data: { classId: klass.id, userId: learner.id, role: "STUDENT" } });
    await db.assignment.create({ data: { classId: klass.id, deckId: assigned.id } });
    const now = new Date("2026-03-02T10:00:00Z");
    const all = await loadStudyQueue(db, learner.id, { now });
    const ids = all.cards.map((card) => card.id);
    expect(ids).toEqual(expect.arrayContaining([own.cardIds[0], pub.cardIds[0], assigned.cardIds[0]]));
    expect(ids).not.toContain(hidden.cardIds[0]);
    expect((await loadStudyQueue(db, learner.id, { deckId: hidden.id, now })).cards).toEqual([]);
  });

  it("takes today's new cards by position across every deck studied, skipping seen cards and other people's decks", async () => {
    const learner = await createLearner(db, { newCardsPerDay: 4 });
    const other = await createLearner(db);
    const hidden = await createDeck(db, other.id, { count: 8 });
    const own = await createDeck(db, learner.id, { count: 3 });
    const assigned = await createDeck(db, other.id, { count: 3 });
    const klass = await db.class.create({ data: { name: "Class", joinCode: randomUUID().slice(0, 8) } });
    await db.classMember.create({ data: { classId: klass.id, userId: learner.id, role: "STUDENT" } });
    await db.assignment.create({ data: { classId: klass.id, deckId: assigned.id } });
    // Positions below any other test's (this database is shared, and every public deck is the learner's too); the
    // other teacher's private deck sorts first of all, and must still be left out.
    const placed = async (cardIds: string[], from: number) => {
      for (const [index, id] of cardIds.entries()) await db.card.update({ where: { id }, data: { position: from + index } });
      return cardIds.map((id, index) => ({ id, position: from + index }));
    };
    await placed(hidden.cardIds, -1_000);
    const ownCards = await placed(own.cardIds, -100);
    const assignedCards = await placed(assigned.cardIds, -100);
    const now = new Date("2026-03-02T10:00:00Z");
    await recordReview(db, learner.id, firstReview(own.cardIds[0]!, 3), now);
    const unseen = [...ownCards.slice(1), ...assignedCards].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
    // The card studied today counts against the four a day, so three new ones are left.
    const queue = await loadStudyQueue(db, learner.id, { now: new Date(now.getTime() + 60_000) });
    expect(queue.cards.filter((card) => card.state === null).map((card) => card.id)).toEqual(unseen.slice(0, 3).map((card) => card.id));
  });

  it("limits new cards per study day in the learner's own time zone and day start", async () => {
    // Tokyo is UTC+9 all year; the study day starts at 04:00 local, i.e. 19:00 UTC the day before.
    const learner = await createLearner(db, { timeZone: "Asia/Tokyo", dayStartHour: 4, newCardsPerDay: 2 });
    const deck = await createDeck(db, learner.id, { count: 5 });
    const morning = new Date("2026-03-02T00:00:00Z"); // 09:00 in Tokyo
    let queue = await loadStudyQueue(db, learner.id, { deckId: deck.id, now: morning });
    expect(queue.counts.new).toBe(2);
    await recordReview(db, learner.id, firstReview(queue.cards[0]!.id, 4), morning);
    await recordReview(db, learner.id, firstReview(queue.cards[1]!.id, 4), morning);
    const lateNight = new Date("2026-03-02T18:59:00Z"); // 03:59 the next calendar day in Tokyo: still the same study day
    queue = await loadStudyQueue(db, learner.id, { deckId: deck.id, now: lateNight });
    expect(queue.counts.new).toBe(0);
    expect(queue.nextDue).toBe("2026-03-02T19:00:00.000Z");
    const nextDay = new Date("2026-03-02T19:00:00Z"); // 04:00 in Tokyo: a new study day
    queue = await loadStudyQueue(db, learner.id, { deckId: deck.id, now: nextDay });
    expect(queue.counts.new).toBe(2);
  });
});

describe("listStudyDecks", () => {
  it("lists studiable decks with due and new counts that match the queue", async () => {
    const learner = await createLearner(db, { newCardsPerDay: 3 });
    const other = await createLearner(db);
    const own = await createDeck(db, learner.id, { count: 5 });
    const hidden = await createDeck(db, other.id, { count: 2 });
    const now = new Date("2026-03-02T10:00:00Z");
    await recordReview(db, learner.id, firstReview(own.cardIds[0]!, 1), now);
    const later = new Date(now.getTime() + 5 * 60_000);
    const { decks } = await listStudyDecks(db, learner.id, later);
    expect(decks.find((deck) => deck.id === own.id)).toEqual({
      id: own.id,
      name: own.name,
      description: "",
      cards: 5,
      due: 1,
      learning: 1,
      newAvailable: 2,
      suspended: 0,
      buried: 0,
    });
    expect(decks.map((deck) => deck.id)).not.toContain(hidden.id);
    const queue = await loadStudyQueue(db, learner.id, { deckId: own.id, now: later });
    expect(queue.counts).toEqual({ new: 2, learning: 1, review: 0 });
  });
});
