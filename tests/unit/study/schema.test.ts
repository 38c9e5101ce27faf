import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  cardActionInputSchema,
  MAX_SYNC_BATCH,
  queueQuerySchema,
  quizAttemptInputSchema,
  reviewInputSchema,
  reviewSyncInputSchema,
  undoInputSchema,
} from "@/lib/study/schema";

// What the study endpoints accept, parsed once at the edge (app/api/...) before lib/study sees typed input.
const HOUR = 3_600_000;
const review = (extra: Record<string, unknown> = {}) => ({
  reviewId: randomUUID(),
  cardId: "card-1",
  rating: 3,
  durationMs: 4_000,
  expectedLastReview: null,
  ...extra,
});
const synced = (extra: Record<string, unknown> = {}) => ({ ...review(), reviewedAt: "2026-03-02T09:00:00.000Z", ...extra });

describe("reviewInputSchema", () => {
  it("refuses bad ratings, durations, ids and times, and a body that is not an object", () => {
    const bad = [
      review({ rating: 0 }),
      review({ rating: 5 }),
      review({ rating: Number.NaN }),
      review({ rating: 2.5 }),
      review({ durationMs: -1 }),
      review({ reviewId: "not-a-uuid" }),
      review({ cardId: "bad id!" }),
      review({ reviewedAt: "yesterday" }),
      review({ expectedLastReview: "2026-03-02" }),
      null,
    ];
    for (const input of bad) expect(reviewInputSchema.safeParse(input).success).toBe(false);
  });

  it("turns times into Dates and clamps a duration to an hour", () => {
    const parsed = reviewInputSchema.parse(
      review({ reviewedAt: "2026-03-02T10:00:00+01:00", expectedLastReview: "2026-03-01T09:00:00.000Z", durationMs: 5 * HOUR }),
    );
    expect(parsed).toMatchObject({
      reviewedAt: new Date("2026-03-02T09:00:00.000Z"),
      expectedLastReview: new Date("2026-03-01T09:00:00.000Z"),
      durationMs: HOUR,
    });
  });
});

describe("reviewSyncInputSchema", () => {
  it("takes 1 to MAX_SYNC_BATCH reviews, each with its time", () => {
    expect(reviewSyncInputSchema.safeParse({ reviews: [synced()] }).success).toBe(true);
    expect(reviewSyncInputSchema.safeParse({ reviews: [] }).success).toBe(false);
    expect(reviewSyncInputSchema.safeParse({ reviews: Array.from({ length: MAX_SYNC_BATCH + 1 }, () => synced()) }).success).toBe(false);
    expect(reviewSyncInputSchema.safeParse({ reviews: [synced({ reviewedAt: undefined })] }).success).toBe(false);
    expect(reviewSyncInputSchema.parse({ sentAt: "2026-03-02T09:05:00.000Z", reviews: [synced()] }).sentAt).toEqual(new Date("2026-03-02T09:05:00.000Z"));
  });
});

describe("undoInputSchema", () => {
  it("names a review, a card action or neither, never both", () => {
    expect(undoInputSchema.safeParse({}).success).toBe(true);
    expect(undoInputSchema.safeParse({ reviewId: "nope" }).success).toBe(false);
    expect(undoInputSchema.safeParse({ reviewId: 42 }).success).toBe(false);
    expect(undoInputSchema.safeParse({ reviewId: randomUUID(), actionId: "action-1" }).success).toBe(false);
  });
});

describe("quizAttemptInputSchema", () => {
  const answer = () => ({ cardId: `card-${randomUUID()}`, choice: "Plain", reviewId: randomUUID() });
  const attempt = (extra: Record<string, unknown> = {}) => ({
    attemptId: randomUUID(),
    deckId: "deck-1",
    durationMs: 1,
    record: true,
    answers: [answer()],
    ...extra,
  });

  it("refuses garbage, too many answers and a card answered twice", () => {
    expect(quizAttemptInputSchema.safeParse(attempt({ durationMs: -1, record: "yes", answers: "all" })).success).toBe(false);
    expect(quizAttemptInputSchema.safeParse(attempt({ answers: Array.from({ length: 500 }, answer) })).success).toBe(false);
    const twice = answer();
    expect(quizAttemptInputSchema.safeParse(attempt({ answers: [twice, twice] })).success).toBe(false);
  });

  it("asks the card's own face unless told otherwise, and keeps answer times as Dates", () => {
    const parsed = quizAttemptInputSchema.parse(attempt({ answers: [{ ...answer(), answeredAt: "2026-03-02T09:00:00.000Z" }] }));
    expect(parsed.answers[0]).toMatchObject({ face: 0, answeredAt: new Date("2026-03-02T09:00:00.000Z") });
  });
});

describe("card actions and the queue's deck", () => {
  it("refuses an unknown action and a deck id that is not an id", () => {
    expect(cardActionInputSchema.safeParse({ action: "delete" }).success).toBe(false);
    expect(cardActionInputSchema.parse({ action: "bury" })).toEqual({ action: "bury" });
    expect(queueQuerySchema.safeParse({ deck: "bad id!" }).success).toBe(false);
    expect(queueQuerySchema.parse({})).toEqual({});
  });
});
