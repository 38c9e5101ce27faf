import { randomUUID } from "node:crypto";
import { State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { loadClassDashboard } from "@/lib/classes/dashboard";
import { listLeeches } from "@/lib/leeches/data";
import { applyCardAction } from "@/lib/study/reviews/card-actions";
import { loadStudyQueue } from "@/lib/study/queue/data";
import { recordReview } from "@/lib/study/reviews/mutations";
import { gradeLocally } from "@/lib/study/device/session";
import { undoLastStep } from "@/lib/study/reviews/undo";
import { createDeck, createLearner } from "../support/study-fixtures";
import { createTestDb } from "../support/test-db";
import { loadStudySettings } from "@/lib/study/settings";

const db = await createTestDb();
const LAST_REVIEW = new Date("2026-03-01T10:00:00Z");
const NOW = new Date("2026-03-05T10:00:00Z");

/** A review card already forgotten `lapses` times, due now. */
async function cardWithLapses(userId: string, cardId: string, lapses: number) {
  await db.cardState.create({
    data: {
      userId,
      cardId,
      due: new Date("2026-03-04T10:00:00Z"),
      stability: 3,
      difficulty: 8,
      elapsedDays: 0,
      scheduledDays: 3,
      learningSteps: 0,
      reps: lapses * 2 + 2,
      lapses,
      state: State.Review,
      lastReview: LAST_REVIEW,
    },
  });
}

async function forget(userId: string, cardId: string) {
  const reviewId = randomUUID();
  const result = await recordReview(db, userId, { reviewId, cardId, rating: 1, durationMs: 1000, expectedLastReview: LAST_REVIEW }, NOW);
  expect(result.ok).toBe(true);
  return reviewId;
}

const leechRow = (userId: string, cardId: string) =>
  db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } }, select: { leech: true, suspended: true, lapses: true } });

describe("leeches", () => {
  it("tags and suspends a card at its 8th lapse by default, not at its 7th, as the device predicts", async () => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, { count: 2 });
    await cardWithLapses(learner.id, deck.cardIds[0]!, 6);
    await cardWithLapses(learner.id, deck.cardIds[1]!, 7);
    const queue = await loadStudyQueue(db, learner.id, { deckId: deck.id, now: NOW });
    const settings = await loadStudySettings(db, learner.id);
    const onDevice = queue.cards.map((card) => gradeLocally(card, 1, NOW, settings, { reviewId: card.id, dueCounts: queue.dueCounts }).leech);

    await forget(learner.id, deck.cardIds[0]!);
    await forget(learner.id, deck.cardIds[1]!);
    expect(await leechRow(learner.id, deck.cardIds[0]!)).toEqual({ leech: false, suspended: false, lapses: 7 });
    expect(await leechRow(learner.id, deck.cardIds[1]!)).toEqual({ leech: true, suspended: true, lapses: 8 });
    expect(onDevice).toEqual(queue.cards.map((card) => card.id === deck.cardIds[1]));
    const later = new Date(NOW.getTime() + 3_600_000);
    expect((await loadStudyQueue(db, learner.id, { deckId: deck.id, now: later })).cards.map((card) => card.id)).not.toContain(deck.cardIds[1]);
  });

  it("follows the learner's own threshold, and only tags when they chose not to suspend", async () => {
    const learner = await db.user.create({ data: { name: "Keeps leeches", leechThreshold: 3, suspendLeeches: false }, select: { id: true } });
    const deck = await createDeck(db, learner.id, { count: 1 });
    await cardWithLapses(learner.id, deck.cardIds[0]!, 2);
    await forget(learner.id, deck.cardIds[0]!);
    expect(await leechRow(learner.id, deck.cardIds[0]!)).toEqual({ leech: true, suspended: false, lapses: 3 });
  });

  it("lists the learner's leeches, and Unsuspend puts one back into their reviews without re-suspending it", async () => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, { count: 1 });
    const cardId = deck.cardIds[0]!;
    await cardWithLapses(learner.id, cardId, 7);
    await forget(learner.id, cardId);
    expect(await listLeeches(db, learner.id)).toEqual([expect.objectContaining({ cardId, lapses: 8, suspended: true })]);

    expect((await applyCardAction(db, learner.id, cardId, "unsuspend", NOW)).ok).toBe(true);
    expect(await listLeeches(db, learner.id)).toEqual([expect.objectContaining({ cardId, suspended: false })]);
    const later = new Date(NOW.getTime() + 3_600_000);
    expect((await loadStudyQueue(db, learner.id, { deckId: deck.id, now: later })).cards.map((card) => card.id)).toContain(cardId);

    // Resetting the card to new starts it over: it is no longer a leech.
    expect((await applyCardAction(db, learner.id, cardId, "reset", later)).ok).toBe(true);
    expect(await listLeeches(db, learner.id)).toEqual([]);
  });

  it("undoing the lapse that made a card a leech lifts the tag and the suspension; undoing a leech's later lapse keeps them", async () => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, { count: 2 });
    const [fresh, old] = deck.cardIds as [string, string];
    await cardWithLapses(learner.id, fresh, 7);
    const reviewId = await forget(learner.id, fresh);
    expect(await leechRow(learner.id, fresh)).toEqual({ leech: true, suspended: true, lapses: 8 });
    expect((await undoLastStep(db, learner.id, { reviewId })).ok).toBe(true);
    expect(await leechRow(learner.id, fresh)).toEqual({ leech: false, suspended: false, lapses: 7 });
    expect(await listLeeches(db, learner.id)).toEqual([]);

    // A card already a leech (unsuspended by the learner) that lapses again stays one when that lapse is undone.
    await cardWithLapses(learner.id, old, 8);
    await db.cardState.update({ where: { userId_cardId: { userId: learner.id, cardId: old } }, data: { leech: true } });
    const again = await forget(learner.id, old);
    expect((await undoLastStep(db, learner.id, { reviewId: again })).ok).toBe(true);
    expect(await leechRow(learner.id, old)).toEqual({ leech: true, suspended: false, lapses: 8 });
  });

  it("shows the teacher cards that at least 30% of the class lapsed on twice or more", async () => {
    const teacher = await db.user.create({ data: { name: "Teacher", role: "TEACHER" }, select: { id: true } });
    const deck = await createDeck(db, teacher.id, { count: 2 });
    const klass = await db.class.create({
      data: { name: "Leech class", joinCode: randomUUID().slice(0, 8), members: { create: { userId: teacher.id, role: "TEACHER" } } },
    });
    await db.assignment.create({ data: { classId: klass.id, deckId: deck.id } });
    const students = await Promise.all(Array.from({ length: 10 }, () => createLearner(db)));
    await db.classMember.createMany({ data: students.map((student) => ({ classId: klass.id, userId: student.id, role: "STUDENT" as const })) });
    // Three of ten (30%) lapsed twice on the first card; two of ten (20%), and one more only once, on the second.
    for (const [index, student] of students.entries()) {
      if (index < 3) await cardWithLapses(student.id, deck.cardIds[0]!, 2);
      if (index < 2) await cardWithLapses(student.id, deck.cardIds[1]!, 2);
      if (index === 2) await cardWithLapses(student.id, deck.cardIds[1]!, 1);
    }
    const dashboard = await loadClassDashboard(db, teacher.id, klass.id, NOW);
    expect(dashboard!.leeches).toEqual([expect.objectContaining({ cardId: deck.cardIds[0], students: 3, share: 0.3 })]);
  });
});
