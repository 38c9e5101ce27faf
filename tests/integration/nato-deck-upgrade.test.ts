import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createLearner } from "../support/study-fixtures";
import { generateCards } from "@/lib/generator/generate";
import { loadPersonalExport } from "@/lib/portability/data";
import { buildDashboard } from "@/lib/progress/dashboard";
import { loadProgressRows } from "@/lib/progress/data";
import { loadStudyQueue } from "@/lib/study/queue/data";
import { listStudyDecks } from "@/lib/study/queue/deck-list";
import { recordReview } from "@/lib/study/reviews/mutations";
import { loadNatoDecks, NATO_DECK_NAME, readSeedSources, RETIRED_DECK_NAME, storeGeneratedDeck, SYSTEM_USER_ID } from "@/seeds/load";

const db = await createTestDb();
const NOW = new Date("2026-03-02T09:00:00.000Z");
const EARLIER_NAME = "NATO ministerials 2025";

/** A database as the previous release left it: the sentence-generated deck, studied by a learner in a class. */
async function seedEarlierRelease() {
  const { cards, conflicts } = generateCards(readSeedSources());
  await storeGeneratedDeck(db, { deckName: EARLIER_NAME, cards, conflicts });
  const deck = await db.deck.findUniqueOrThrow({ where: { ownerId_name: { ownerId: SYSTEM_USER_ID, name: EARLIER_NAME } }, select: { id: true } });
  const teacher = await db.user.create({ data: { name: "Teacher", role: "TEACHER" }, select: { id: true } });
  const klass = await db.class.create({ data: { name: "IR 101", joinCode: "UPGRADE1", members: { create: { userId: teacher.id, role: "TEACHER" } } } });
  const learner = await createLearner(db, { newCardsPerDay: 200 });
  await db.classMember.create({ data: { classId: klass.id, userId: learner.id, role: "STUDENT" } });
  await db.assignment.create({ data: { classId: klass.id, deckId: deck.id } });
  const oldCards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" }, take: 6, select: { id: true } });
  for (const [index, card] of oldCards.entries()) {
    const graded = await recordReview(
      db,
      learner.id,
      {
        reviewId: randomUUID(),
        cardId: card.id,
        rating: index % 2 === 0 ? 3 : 1,
        reviewedAt: new Date(NOW.getTime() - 3 * 86_400_000 + index * 60_000),
        durationMs: 4000,
        expectedLastReview: null,
      },
      NOW,
    );
    expect(graded.ok).toBe(true);
  }
  return { deckId: deck.id, learnerId: learner.id, classId: klass.id, oldCardIds: oldCards.map((card) => card.id) };
}

describe("upgrading a database that holds the sentence-generated NATO deck", () => {
  it("keeps every review, keeps the deck and its assignment, and shows only fact cards afterwards", async () => {
    const before = await seedEarlierRelease();
    const reviewsBefore = await db.reviewLog.findMany({ where: { userId: before.learnerId }, orderBy: { id: "asc" } });
    expect(reviewsBefore).toHaveLength(6);

    const loaded = await loadNatoDecks(db);
    expect(loaded.retired).toBeGreaterThan(400);

    // Same deck row, renamed, still assigned to the class; its cards are now one per fact.
    const deck = await db.deck.findUniqueOrThrow({
      where: { id: before.deckId },
      select: { name: true, assignments: { select: { classId: true } }, cards: { select: { factId: true } } },
    });
    expect(deck.name).toBe(NATO_DECK_NAME);
    expect(deck.assignments).toEqual([{ classId: before.classId }]);
    expect(deck.cards).toHaveLength(loaded.cards);
    expect(deck.cards.every((card) => card.factId !== null)).toBe(true);
    expect(new Set(deck.cards.map((card) => card.factId)).size).toBe(loaded.cards);

    // Every review stays, on its original card, and the export carries them.
    expect(await db.reviewLog.findMany({ where: { userId: before.learnerId }, orderBy: { id: "asc" } })).toEqual(reviewsBefore);
    const exported = await loadPersonalExport(db, before.learnerId, NOW);
    expect(exported?.reviews.map((review) => review.id).sort()).toEqual(reviewsBefore.map((review) => review.id).sort());
    const retired = await db.deck.findUniqueOrThrow({
      where: { ownerId_name: { ownerId: SYSTEM_USER_ID, name: RETIRED_DECK_NAME } },
      select: { isPublic: true, _count: { select: { cards: true } } },
    });
    expect(retired).toEqual({ isPublic: false, _count: { cards: loaded.retired } });

    // No queue, deck list or dashboard shows the old cards beside the new ones.
    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    const queue = await loadStudyQueue(db, before.learnerId, { now: later });
    expect(queue.cards.length).toBeGreaterThan(0);
    expect(queue.cards.filter((card) => before.oldCardIds.includes(card.id))).toEqual([]);
    expect(queue.cards.every((card) => card.id.length > 0 && card.state === null)).toBe(true);
    const { decks, today } = await listStudyDecks(db, before.learnerId, later);
    expect(decks.map((entry) => entry.name)).toEqual([NATO_DECK_NAME]);
    expect(decks[0]).toMatchObject({ cards: loaded.cards, due: 0 });
    const dashboard = buildDashboard((await loadProgressRows(db, before.learnerId))!, later);
    expect(today).toMatchObject({ review: 0, learning: 0 });
    expect(dashboard.forecast.reduce((sum, day) => sum + day.due, 0)).toBe(0);
    expect(dashboard.totalReviews).toBe(6);

    // A second load changes nothing.
    const again = await loadNatoDecks(db);
    expect(again).toMatchObject({ created: 0, retired: 0, cards: loaded.cards });
  });
});
