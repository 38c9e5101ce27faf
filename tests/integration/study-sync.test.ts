import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner, snapshotStudy } from "../support/study-fixtures";
import type { ReviewRating } from "@/lib/srs/grade";
import { traceReviews } from "@/lib/srs/replay";
import { studySettingsSchema } from "@/lib/srs/settings";
import { resetCard } from "@/lib/study/reviews/card-actions";
import { recordReview } from "@/lib/study/reviews/mutations";
import { undoLastStep } from "@/lib/study/reviews/undo";
import { syncReviews } from "@/lib/study/reviews/sync";
import type { ParsedSyncReview } from "@/lib/study/schema";
import { seededRandom } from "../support/seeded-random";

const db = await createTestDb();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DEFAULTS = studySettingsSchema.parse({});

/** A learner, one of their cards, and a clock well after the card was made so a history fits in between. */
async function setUp() {
  const learner = await createLearner(db);
  const deck = await createDeck(db, learner.id, { count: 3 });
  const made = await db.card.findUniqueOrThrow({ where: { id: deck.cardIds[0]! }, select: { createdAt: true } });
  const start = new Date(made.createdAt.getTime() + MINUTE);
  return { userId: learner.id, cardIds: deck.cardIds, cardId: deck.cardIds[0]!, start, now: new Date(start.getTime() + 120 * DAY) };
}

const BALANCE = { easyDays: [] };
const toEvent = (review: ParsedSyncReview) => ({
  id: review.reviewId,
  rating: review.rating,
  reviewedAt: review.reviewedAt,
  chosenInterval: review.chosenInterval,
});

/**
 * A plausible offline history of one card: each review some time after the last, with every grade used, and the
 * day the device's load balancing chose for each (as the study screen sends it).
 */
function history(cardId: string, start: Date, ratings: ReviewRating[]): ParsedSyncReview[] {
  const gaps = [0, 10 * MINUTE, DAY, 3 * DAY + 2 * HOUR, 9 * DAY, 20 * DAY, 2 * DAY, 40 * DAY, HOUR, 5 * DAY];
  let at = start.getTime();
  const reviews = ratings.map((rating, index) => {
    at += gaps[index % gaps.length]!;
    return { reviewId: randomUUID(), cardId, rating, reviewedAt: new Date(at), durationMs: 3_000 };
  });
  const steps = traceReviews(reviews.map(toEvent), DEFAULTS, null, BALANCE);
  return reviews.map((review, index) => ({ ...review, chosenInterval: steps[index]!.result.chosenInterval }));
}

/** What applying the reviews once each, in time order, gives: the card state and each log row's "before" fields. */
function expectedOutcome(reviews: ParsedSyncReview[]) {
  const steps = traceReviews(reviews.map(toEvent), DEFAULTS, null, BALANCE);
  return { state: steps.at(-1)!.result.next, logs: steps.map((step) => ({ id: step.event.id, ...step.result.log })) };
}

async function readCard(userId: string, cardId: string) {
  const state = await db.cardState.findUniqueOrThrow({
    where: { userId_cardId: { userId, cardId } },
    omit: { updatedAt: true, userId: true, cardId: true, suspended: true, buriedUntil: true, leech: true },
  });
  const logs = await db.reviewLog.findMany({
    where: { userId, cardId },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    omit: { userId: true, cardId: true, durationMs: true, previousState: true, createdAt: true, chosenInterval: true },
  });
  return { state, logs };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe("syncReviews", () => {
  it("stores each review once however often it is sent, and the card equals applying them once in order", async () => {
    const { userId, cardId, start, now } = await setUp();
    const reviews = history(cardId, start, [3, 3, 1, 3, 4, 2, 3, 3]);
    const first = await syncReviews(db, userId, { reviews: [...reviews, reviews[2]!, reviews[5]!] }, now);
    expect(first.ok && first.data.added.length).toBe(reviews.length);
    const again = await syncReviews(db, userId, { reviews }, now);
    expect(again.ok && again.data).toMatchObject({ added: [], duplicates: expect.arrayContaining(reviews.map((review) => review.reviewId)) });

    const expected = expectedOutcome(reviews);
    expect(await readCard(userId, cardId)).toEqual(expected);
    expect(again.ok && again.data.cards).toEqual([
      { cardId, state: expect.objectContaining({ reps: reviews.length, lastReview: reviews.at(-1)!.reviewedAt.toISOString() }) },
    ]);
  });

  it("ends in the same state and log for shuffled, split and repeated batches (seeded)", async () => {
    for (const seed of [1, 7, 42]) {
      const { userId, cardIds, start, now } = await setUp();
      const byCard = cardIds.map((cardId, index) =>
        history(cardId, new Date(start.getTime() + index * MINUTE), ([3, 1, 3, 3, 2, 4, 3] as ReviewRating[]).slice(index)),
      );
      const all = byCard.flat();
      const next = seededRandom(seed);
      const sent = shuffle([...all, ...all.filter(() => next() < 0.4)], next);
      for (let from = 0; from < sent.length; from += 4) {
        const result = await syncReviews(db, userId, { reviews: sent.slice(from, from + 4) }, now);
        expect(result.ok).toBe(true);
      }
      for (const [index, cardId] of cardIds.entries()) expect(await readCard(userId, cardId)).toEqual(expectedOutcome(byCard[index]!));
      expect(await db.reviewLog.count({ where: { userId } })).toBe(all.length);
    }
  });

  it("keeps an online review and offline ones of the same card, in one state whichever arrives first", async () => {
    const outcomes = [];
    const learners = [await setUp(), await setUp()];
    // One timeline for both learners, so their end states can be compared field by field.
    const { start, now } = learners[1]!;
    for (const [index, onlineFirst] of [true, false].entries()) {
      const { userId, cardId } = learners[index]!;
      const [phoneEarly, laptop, phoneLate] = history(cardId, start, [3, 3, 1]) as [ParsedSyncReview, ParsedSyncReview, ParsedSyncReview];
      const online = () => recordReview(db, userId, { ...laptop, expectedLastReview: null }, laptop.reviewedAt);
      if (onlineFirst) expect((await online()).ok).toBe(true);
      expect((await syncReviews(db, userId, { reviews: [phoneLate, phoneEarly] }, now)).ok).toBe(true);
      // Once the phone's reviews are in, the laptop's stale expectation is refused, and its app falls back to sync.
      if (!onlineFirst) {
        expect((await online()).ok).toBe(false);
        expect((await syncReviews(db, userId, { reviews: [laptop] }, now)).ok).toBe(true);
      }
      const card = await readCard(userId, cardId);
      expect(card).toEqual(expectedOutcome([phoneEarly, laptop, phoneLate]));
      outcomes.push(card.state);
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
  });

  it("refuses review times in the far future or before the card existed, and unknown cards, writing nothing", async () => {
    const { userId, cardId, start, now } = await setUp();
    const made = new Date(start.getTime() - MINUTE);
    const good = history(cardId, start, [3])[0]!;
    const cases = [
      { review: { ...good, reviewId: randomUUID(), reviewedAt: new Date(now.getTime() + DAY) }, reason: "in_future" },
      { review: { ...good, reviewId: randomUUID(), reviewedAt: new Date(made.getTime() - HOUR) }, reason: "before_card" },
      { review: { ...good, reviewId: randomUUID(), cardId: "no-such-card" }, reason: "unknown_card" },
    ];
    const before = await snapshotStudy(db, userId);
    for (const { review, reason } of cases) {
      const result = await syncReviews(db, userId, { reviews: [good, review] }, now);
      expect(result).toMatchObject({ ok: false, code: "invalid_input", rejected: [{ reviewId: review.reviewId, reason }] });
    }
    expect(await snapshotStudy(db, userId)).toEqual(before);
  });

  it("takes a time a few minutes ahead of the server as now, and answers an id sent again with another card or rating with a 409 naming it", async () => {
    const { userId, cardIds, start } = await setUp();
    const review = history(cardIds[0]!, start, [3, 3, 3])[2];
    const serverNow = new Date(review!.reviewedAt.getTime() - 2 * MINUTE);
    expect((await syncReviews(db, userId, { reviews: [review!] }, serverNow)).ok).toBe(true);
    expect((await readCard(userId, cardIds[0]!)).state.lastReview).toEqual(serverNow);
    const stored = await snapshotStudy(db, userId);
    const later = new Date(serverNow.getTime() + DAY);
    for (const changed of [
      { ...review!, cardId: cardIds[1]! },
      { ...review!, rating: 1 as const },
    ]) {
      const refused = await syncReviews(db, userId, { reviews: [changed] }, later);
      expect(refused).toMatchObject({ ok: false, code: "conflict", rejected: [{ reviewId: review!.reviewId, reason: "id_conflict" }] });
      expect(refused.ok === false && refused.message).toContain(`Review ${review!.reviewId} was already saved with another card or rating`);
    }
    expect(await snapshotStudy(db, userId)).toEqual(stored);
  });

  it("moves a batch by the device's clock error, keeping order and gaps, whether the clock is fast, slow or was set back", async () => {
    const { userId, cardIds, start } = await setUp();
    const sentLag = 30 * MINUTE;
    for (const [index, error] of [10 * MINUTE, -10 * MINUTE, 3 * DAY].entries()) {
      const cardId = cardIds[index]!;
      const real = history(cardId, start, [3, 1, 3]).map((review) => ({
        ...review,
        reviewedAt: new Date(review.reviewedAt.getTime() + 100 * DAY),
      }));
      const sentAt = real.at(-1)!.reviewedAt.getTime() + sentLag;
      const onDevice = real.map((review) => ({ ...review, reviewedAt: new Date(review.reviewedAt.getTime() + error) }));
      const serverNow = new Date(sentAt);
      // The third case: the clock ran 3 days fast while reviewing and was put right before sending.
      const deviceSentAt = new Date(error === 3 * DAY ? sentAt : sentAt + error);
      expect((await syncReviews(db, userId, { sentAt: deviceSentAt, reviews: onDevice }, serverNow)).ok).toBe(true);
      const { state, logs } = await readCard(userId, cardId);
      const expected = error === 3 * DAY ? real.map((review) => ({ ...review, reviewedAt: new Date(review.reviewedAt.getTime() + sentLag) })) : real;
      expect(logs.map((log) => log.reviewedAt)).toEqual(expected.map((review) => review.reviewedAt));
      expect(state).toEqual(expectedOutcome(expected).state);
    }
  });

  it("with the device's clock reading, places a review dated before its card at the card's making rather than refusing it", async () => {
    const { userId, cardId, start } = await setUp();
    const made = new Date(start.getTime() - MINUTE);
    // The clock ran an hour slow while reviewing and was put right before sending.
    const early = { ...history(cardId, start, [3])[0]!, reviewedAt: new Date(made.getTime() - HOUR) };
    const sentAt = new Date(made.getTime() + MINUTE);
    expect((await syncReviews(db, userId, { sentAt, reviews: [early] }, sentAt)).ok).toBe(true);
    expect((await readCard(userId, cardId)).logs.map((log) => log.reviewedAt)).toEqual([made]);
  });

  it("lets undo take back a review synced late, leaving the card as its other reviews in order", async () => {
    const { userId, cardId, start, now } = await setUp();
    const reviews = history(cardId, start, [3, 3, 2, 3]);
    const late = reviews[1]!;
    const others = reviews.filter((review) => review !== late);
    expect((await syncReviews(db, userId, { reviews: others }, now)).ok).toBe(true);
    expect((await syncReviews(db, userId, { reviews: [late] }, now)).ok).toBe(true);
    const undone = await undoLastStep(db, userId, { reviewId: late.reviewId });
    expect(undone.ok).toBe(true);
    expect(await readCard(userId, cardId)).toEqual(expectedOutcome(others));
  });

  it("after a reset, keeps older offline reviews in the log but counts only those made since", async () => {
    const { userId, cardId, start } = await setUp();
    const [first, second] = history(cardId, start, [3, 3]);
    expect((await syncReviews(db, userId, { reviews: [first!] }, first!.reviewedAt)).ok).toBe(true);
    // The reset happens on the server's clock, after the phone's second review but before it syncs.
    const resetAt = new Date(second!.reviewedAt.getTime() + HOUR);
    expect((await resetCard(db, userId, cardId, resetAt)).ok).toBe(true);
    const sinceReset = { ...second!, reviewId: randomUUID(), reviewedAt: new Date(resetAt.getTime() + HOUR) };
    expect((await syncReviews(db, userId, { reviews: [second!] }, new Date(resetAt.getTime() + MINUTE))).ok).toBe(true);
    expect(await readCard(userId, cardId).then((card) => card.state)).toMatchObject({ reps: 0, state: 0, lastReview: null });
    expect((await syncReviews(db, userId, { reviews: [sinceReset] }, sinceReset.reviewedAt)).ok).toBe(true);
    const card = await readCard(userId, cardId);
    expect(card.logs).toHaveLength(3);
    expect(card.state).toMatchObject({ reps: 1, lastReview: sinceReset.reviewedAt });
  });
});

describe("syncReviews across accounts", () => {
  it("refuses a device queue kept for another learner, writing nothing", async () => {
    const { userId, cardId, start, now } = await setUp();
    const other = await createLearner(db);
    const before = await snapshotStudy(db, userId);
    const result = await syncReviews(db, userId, { learnerId: other.id, reviews: history(cardId, start, [3]) }, now);
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await snapshotStudy(db, userId)).toEqual(before);
  });
});
