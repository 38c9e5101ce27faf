import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner, snapshotStudy } from "../support/study-fixtures";
import { applyCardAction, buryCard, resetCard, suspendCard, unburyCard, unsuspendCard } from "@/lib/study/reviews/card-actions";
import { loadStudyQueue } from "@/lib/study/queue/data";
import { recordReview } from "@/lib/study/reviews/mutations";
import type { ReviewRating } from "@/lib/srs/grade";
import type { CardAction } from "@/lib/study/schema";
import { undoLastStep } from "@/lib/study/reviews/undo";

const db = await createTestDb();
const T0 = new Date("2026-03-02T09:00:00.000Z");

async function grade(userId: string, cardId: string, rating: ReviewRating, at: Date) {
  const state = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } }, select: { lastReview: true } });
  const input = { reviewId: randomUUID(), cardId, rating, durationMs: 2_000, expectedLastReview: state?.lastReview ?? null };
  const result = await recordReview(db, userId, input, at);
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe("undoLastStep: reviews", () => {
  it("restores the card and the log exactly, back to no state at all after the first review", async () => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, { count: 1 });
    const cardId = deck.cardIds[0]!;
    const untouched = await snapshotStudy(db, learner.id);
    await grade(learner.id, cardId, 3, T0);
    await suspendCard(db, learner.id, cardId, T0);
    const afterFirst = await snapshotStudy(db, learner.id);
    const second = await grade(learner.id, cardId, 1, new Date(T0.getTime() + 600_000));

    const undone = await undoLastStep(db, learner.id, { reviewId: second.reviewId });
    expect(undone).toMatchObject({ ok: true, data: { step: "review", id: second.reviewId, card: { id: cardId, state: { reps: 1 } } } });
    expect(await snapshotStudy(db, learner.id)).toEqual(afterFirst);

    // Then the suspend, and the first review.
    expect(await undoLastStep(db, learner.id, {})).toMatchObject({ ok: true, data: { step: "suspend" } });
    expect(await undoLastStep(db, learner.id, {})).toMatchObject({ ok: true, data: { step: "review" } });
    expect(await snapshotStudy(db, learner.id)).toEqual(untouched);
    expect(await undoLastStep(db, learner.id, {})).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses to undo when the latest review is not the one the client means", async () => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, { count: 2 });
    await grade(learner.id, deck.cardIds[0]!, 3, T0);
    const before = await snapshotStudy(db, learner.id);
    expect(await undoLastStep(db, learner.id, { reviewId: randomUUID() })).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshotStudy(db, learner.id)).toEqual(before);
  });

  it("only ever undoes the learner's own reviews", async () => {
    const owner = await createLearner(db);
    const deck = await createDeck(db, owner.id, { count: 1 });
    await grade(owner.id, deck.cardIds[0]!, 3, T0);
    const before = await snapshotStudy(db, owner.id);
    const other = await createLearner(db);
    expect(await undoLastStep(db, other.id, {})).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshotStudy(db, owner.id)).toEqual(before);
  });
});

/** Lets the wall clock move on, so two steps are logged in distinct milliseconds (undo orders steps by write time). */
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 3));

async function act(userId: string, cardId: string, action: CardAction, at: Date) {
  const result = await applyCardAction(db, userId, cardId, action, at);
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe("undoLastStep: whatever the last step was", () => {
  it("after grading one card and burying the next, undo takes back the bury, then the grade (issue #21)", async () => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, { count: 2 });
    const [first, second] = deck.cardIds as [string, string];
    const untouched = await snapshotStudy(db, learner.id);
    const review = await grade(learner.id, first, 3, T0);
    const graded = await snapshotStudy(db, learner.id);
    await nextTick();
    await act(learner.id, second, "bury", T0);
    expect((await loadStudyQueue(db, learner.id, { deckId: deck.id, now: T0 })).cards.map((card) => card.id)).not.toContain(second);

    expect(await undoLastStep(db, learner.id, {})).toMatchObject({ ok: true, data: { step: "bury", card: { id: second, state: null } } });
    expect(await snapshotStudy(db, learner.id)).toEqual(graded);
    expect((await loadStudyQueue(db, learner.id, { deckId: deck.id, now: T0 })).cards.map((card) => card.id)).toContain(second);

    expect(await undoLastStep(db, learner.id, {})).toMatchObject({ ok: true, data: { step: "review", id: review.reviewId, card: { id: first } } });
    expect(await snapshotStudy(db, learner.id)).toEqual(untouched);
    expect(await undoLastStep(db, learner.id, {})).toMatchObject({ ok: false, code: "not_found" });
  });

  it.each(["bury", "unbury", "suspend", "unsuspend", "reset"] as const)("undoing %s puts the studied card back exactly as it was", async (action) => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, { count: 1 });
    const cardId = deck.cardIds[0]!;
    await grade(learner.id, cardId, 3, T0);
    await grade(learner.id, cardId, 4, new Date(T0.getTime() + 600_000));
    const later = new Date(T0.getTime() + 20 * 86_400_000);
    // Unbury and unsuspend need a hidden card to act on.
    if (action === "unbury") await act(learner.id, cardId, "bury", later);
    if (action === "unsuspend") await act(learner.id, cardId, "suspend", later);
    const before = await snapshotStudy(db, learner.id);
    const queueBefore = await loadStudyQueue(db, learner.id, { deckId: deck.id, now: later });
    await nextTick();
    const done = await act(learner.id, cardId, action, later);
    expect(await snapshotStudy(db, learner.id)).not.toEqual(before);

    const undone = await undoLastStep(db, learner.id, { actionId: done.actionId });
    expect(undone).toMatchObject({ ok: true, data: { step: action, id: done.actionId, card: { id: cardId, state: { reps: 2 } } } });
    expect(await snapshotStudy(db, learner.id)).toEqual(before);
    expect(await loadStudyQueue(db, learner.id, { deckId: deck.id, now: later })).toEqual(queueBefore);
    expect(await undoLastStep(db, learner.id, { actionId: done.actionId })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("undoing a bury or reset of a card never studied forgets the card again", async () => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, { count: 1 });
    const untouched = await snapshotStudy(db, learner.id);
    for (const action of ["bury", "suspend", "reset"] as const) {
      await act(learner.id, deck.cardIds[0]!, action, T0);
      expect((await undoLastStep(db, learner.id, {})).ok).toBe(true);
      expect(await snapshotStudy(db, learner.id)).toEqual(untouched);
    }
  });

  it("refuses to undo a step when a later one changed its card, and another learner's step, changing nothing", async () => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, { count: 1 });
    const cardId = deck.cardIds[0]!;
    const buried = await act(learner.id, cardId, "bury", T0);
    await nextTick();
    await act(learner.id, cardId, "suspend", T0);
    const before = await snapshotStudy(db, learner.id);
    expect(await undoLastStep(db, learner.id, { actionId: buried.actionId })).toMatchObject({ ok: false, code: "conflict" });
    const other = await createLearner(db);
    expect(await undoLastStep(db, other.id, {})).toMatchObject({ ok: false, code: "not_found" });
    expect(await undoLastStep(db, other.id, { actionId: buried.actionId })).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshotStudy(db, learner.id)).toEqual(before);
  });
});

describe("card actions", () => {
  it("buries a card until the next study day starts in the learner's time zone", async () => {
    // Los Angeles is UTC-8 in early March 2026 (DST starts on 8 March); the day starts at 04:00 local = 12:00 UTC.
    const learner = await createLearner(db, { timeZone: "America/Los_Angeles", dayStartHour: 4 });
    const deck = await createDeck(db, learner.id, { count: 2 });
    const evening = new Date("2026-03-03T05:00:00Z"); // 21:00 on 2 March in Los Angeles
    const buried = await buryCard(db, learner.id, deck.cardIds[0]!, evening);
    expect(buried).toMatchObject({ ok: true, data: { buriedUntil: "2026-03-03T12:00:00.000Z" } });
    const idsAt = async (now: Date) => (await loadStudyQueue(db, learner.id, { deckId: deck.id, now })).cards.map((card) => card.id);
    expect(await idsAt(evening)).toEqual([deck.cardIds[1]]);
    expect(await idsAt(new Date("2026-03-03T11:59:00Z"))).toEqual([deck.cardIds[1]]);
    expect(await idsAt(new Date("2026-03-03T12:00:00Z"))).toEqual(deck.cardIds);
  });

  it("suspends and unsuspends, and resets to new while keeping the review history", async () => {
    const learner = await createLearner(db);
    const deck = await createDeck(db, learner.id, { count: 1 });
    const cardId = deck.cardIds[0]!;
    await grade(learner.id, cardId, 3, T0);
    await grade(learner.id, cardId, 3, new Date(T0.getTime() + 600_000));
    const later = new Date(T0.getTime() + 30 * 86_400_000);
    expect((await loadStudyQueue(db, learner.id, { deckId: deck.id, now: later })).cards).toHaveLength(1);
    await suspendCard(db, learner.id, cardId, later);
    expect((await loadStudyQueue(db, learner.id, { deckId: deck.id, now: later })).cards).toHaveLength(0);
    await unsuspendCard(db, learner.id, cardId, later);
    expect((await resetCard(db, learner.id, cardId, later)).ok).toBe(true);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId } } });
    expect(state).toMatchObject({ state: 0, reps: 0, lapses: 0, lastReview: null, suspended: false, due: later });
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(2);
    const queue = await loadStudyQueue(db, learner.id, { deckId: deck.id, now: later });
    expect(queue.counts).toEqual({ new: 1, learning: 0, review: 0 });
  });

  it("refuses actions on another learner's private card and changes nothing", async () => {
    const owner = await createLearner(db);
    const deck = await createDeck(db, owner.id, { count: 1 });
    await grade(owner.id, deck.cardIds[0]!, 3, T0);
    const before = await snapshotStudy(db, owner.id);
    const other = await createLearner(db);
    for (const cardAction of [buryCard, unburyCard, suspendCard, unsuspendCard, resetCard]) {
      expect(await cardAction(db, other.id, deck.cardIds[0]!, T0)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await snapshotStudy(db, owner.id)).toEqual(before);
    expect(await snapshotStudy(db, other.id)).toEqual({ states: [], logs: [] });
  });
});
