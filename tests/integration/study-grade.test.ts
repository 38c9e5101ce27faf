import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner, snapshotStudy } from "../support/study-fixtures";
import { recordReview } from "@/lib/study/reviews/mutations";
import type { ParsedReviewInput } from "@/lib/study/schema";
import { gradeCard, type ReviewRating } from "@/lib/srs/grade";
import { studySettingsSchema } from "@/lib/srs/settings";
import type { StoredCardState } from "@/lib/srs/card-state";

const db = await createTestDb();
const T0 = new Date("2026-03-02T09:00:00.000Z");
const MINUTE = 60_000;
const DAY = 86_400_000;
// The same defaults a new User row starts with.
const DEFAULTS = studySettingsSchema.parse({});

async function setUp() {
  const learner = await createLearner(db);
  const deck = await createDeck(db, learner.id, { count: 2 });
  return { userId: learner.id, cardId: deck.cardIds[0]!, deck };
}

function review(cardId: string, rating: ReviewRating, expectedLastReview: Date | null, extra: Partial<ParsedReviewInput> = {}): ParsedReviewInput {
  return { reviewId: randomUUID(), cardId, rating, durationMs: 4_000, expectedLastReview, ...extra };
}

describe("recordReview", () => {
  it("stores exactly what lib/srs computes for a run of reviews, with each log holding the card before it", async () => {
    const { userId, cardId } = await setUp();
    const run: [ReviewRating, number][] = [
      [3, 0],
      [3, 10 * MINUTE],
      [3, DAY],
      [1, 5 * DAY],
      [3, 5 * DAY + 10 * MINUTE],
      [4, 12 * DAY],
      [2, 40 * DAY],
    ];
    let expected: StoredCardState | null = null;
    let lastReview: Date | null = null;
    const expectedLogs = [];
    const reviewIds: string[] = [];
    for (const [rating, offset] of run) {
      const at = new Date(T0.getTime() + offset);
      const input = review(cardId, rating, lastReview, { reviewedAt: at });
      reviewIds.push(input.reviewId);
      const result = await recordReview(db, userId, input, at);
      if (!result.ok) throw new Error(result.message);
      // The server balances on the learner's load: none besides this card, so only the review id decides the day.
      const step = gradeCard(expected, rating, at, DEFAULTS, { reviewId: reviewIds.at(-1)!, easyDays: [] });
      expectedLogs.push(step.log);
      expected = step.next;
      lastReview = new Date(result.data.reviewedAt);
    }
    const row = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId, cardId } },
      omit: { updatedAt: true, userId: true, cardId: true, leech: true },
    });
    expect(row).toEqual({ ...expected, suspended: false, buriedUntil: null });
    const logs = await db.reviewLog.findMany({
      where: { userId },
      orderBy: { reviewedAt: "asc" },
      omit: { id: true, userId: true, cardId: true, durationMs: true, previousState: true, createdAt: true, chosenInterval: true },
    });
    expect(logs).toEqual(expectedLogs);
  });

  it("applies one reviewId once and answers a repeat exactly as the first time, even in parallel", async () => {
    const { userId, cardId, deck } = await setUp();
    const input = review(cardId, 3, null);
    const first = await recordReview(db, userId, input, T0);
    const repeat = await recordReview(db, userId, input, new Date(T0.getTime() + MINUTE));
    expect(first.ok).toBe(true);
    expect(repeat).toEqual(first);

    const parallelInput = review(deck.cardIds[1]!, 4, null);
    const answers = await Promise.all(Array.from({ length: 5 }, () => recordReview(db, userId, parallelInput, T0)));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(2);
  });

  it("answers the same review id with another rating or card with a 409 naming the id, and keeps the stored review", async () => {
    const { userId, cardId, deck } = await setUp();
    const input = review(cardId, 3, null);
    expect((await recordReview(db, userId, input, T0)).ok).toBe(true);
    const stored = await snapshotStudy(db, userId);
    const message = `Review ${input.reviewId} was already saved with another card or rating. Send a new review id for a new review.`;
    expect(await recordReview(db, userId, { ...input, rating: 1 }, T0)).toEqual({ ok: false, code: "conflict", message });
    expect(await recordReview(db, userId, { ...input, cardId: deck.cardIds[1]! }, T0)).toEqual({ ok: false, code: "conflict", message });
    expect(await snapshotStudy(db, userId)).toEqual(stored);
  });

  it("refuses a stale expectedLastReview with the current state and writes nothing", async () => {
    const { userId, cardId } = await setUp();
    const first = await recordReview(db, userId, review(cardId, 3, null), T0);
    if (!first.ok) throw new Error(first.message);
    const before = await snapshotStudy(db, userId);
    const stale = await recordReview(db, userId, review(cardId, 1, null), new Date(T0.getTime() + DAY));
    expect(stale).toMatchObject({ ok: false, code: "conflict", current: first.data.state });
    const wrongTime = await recordReview(db, userId, review(cardId, 1, new Date("2026-01-01T00:00:00.000Z")), new Date(T0.getTime() + DAY));
    expect(wrongTime).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshotStudy(db, userId)).toEqual(before);
  });

  it("refuses a review time more than a day ahead of or 90 days behind the server's clock as invalid_input, writing nothing", async () => {
    const { userId, cardId } = await setUp();
    for (const reviewedAt of [new Date(T0.getTime() + 2 * DAY), new Date("1970-01-01T00:00:00Z")]) {
      expect(await recordReview(db, userId, review(cardId, 3, null, { reviewedAt }), T0)).toMatchObject({
        ok: false,
        code: "invalid_input",
        fieldErrors: { reviewedAt: [expect.any(String)] },
      });
    }
    expect(await snapshotStudy(db, userId)).toEqual({ states: [], logs: [] });
  });

  it("clamps skewed client times outside (previous review, now]", async () => {
    const { userId, cardId } = await setUp();
    const aheadByAnHour = new Date(T0.getTime() + 3_600_000);
    const future = await recordReview(db, userId, review(cardId, 3, null, { reviewedAt: aheadByAnHour }), T0);
    expect(future).toMatchObject({ ok: true, data: { reviewedAt: T0.toISOString() } });
    const beforePrevious = new Date(T0.getTime() - 3_600_000);
    const past = await recordReview(db, userId, review(cardId, 3, T0, { reviewedAt: beforePrevious }), new Date(T0.getTime() + DAY));
    expect(past).toMatchObject({ ok: true, data: { reviewedAt: T0.toISOString() } });
  });

  it("refuses another learner's private card without revealing it, and leaves their data alone", async () => {
    const owner = await setUp();
    await recordReview(db, owner.userId, review(owner.cardId, 3, null), T0);
    const ownerBefore = await snapshotStudy(db, owner.userId);
    const intruder = await createLearner(db);
    const refused = await recordReview(db, intruder.id, review(owner.cardId, 1, null), T0);
    const missing = await recordReview(db, intruder.id, review("no-such-card", 1, null), T0);
    expect(refused).toEqual(missing);
    expect(refused).toMatchObject({ ok: false, code: "not_found" });
    // Reusing the owner's review id must not replay or reveal their review either.
    const ownerLog = ownerBefore.logs[0]!;
    const publicDeck = await createDeck(db, owner.userId, { isPublic: true, count: 1 });
    const reused = await recordReview(db, intruder.id, { ...review(publicDeck.cardIds[0]!, 3, null), reviewId: ownerLog.id }, T0);
    expect(reused).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await snapshotStudy(db, owner.userId)).toEqual(ownerBefore);
    expect(await snapshotStudy(db, intruder.id)).toEqual({ states: [], logs: [] });
  });

  it("lets class members study a deck assigned to their class", async () => {
    const teacher = await createLearner(db);
    const deck = await createDeck(db, teacher.id, { count: 1 });
    const student = await createLearner(db);
    const outsider = await createLearner(db);
    const klass = await db.class.create({ data: { name: "NATO 101", joinCode: randomUUID().slice(0, 8) } });
    await db.classMember.create({ data: { classId: klass.id, userId: student.id, role: "STUDENT" } });
    await db.assignment.create({ data: { classId: klass.id, deckId: deck.id } });
    expect((await recordReview(db, student.id, review(deck.cardIds[0]!, 3, null), T0)).ok).toBe(true);
    expect(await recordReview(db, outsider.id, review(deck.cardIds[0]!, 3, null), T0)).toMatchObject({ ok: false, code: "not_found" });
  });
});
