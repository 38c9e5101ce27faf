import { describe, expect, it } from "vitest";
import { createNewCardState, type StoredCardState } from "@/lib/srs/card-state";
import { gradeCard } from "@/lib/srs/grade";
import { reviewSettingsSchema } from "@/lib/srs/settings";

const NOW = new Date("2024-03-05T15:20:00Z");
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const noFuzz = reviewSettingsSchema.parse({ enableFuzz: false });

describe("gradeCard", () => {
  it("starts a never-studied card on the first learning step", () => {
    const { next, log } = gradeCard(null, 3, NOW, noFuzz);
    expect(next.state).toBe(1);
    expect(next.due).toEqual(new Date(NOW.getTime() + 10 * MINUTE_MS));
    expect(next.reps).toBe(1);
    expect(next.lastReview).toEqual(NOW);
    expect(log).toEqual({
      rating: 3,
      state: 0,
      due: NOW,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reviewedAt: NOW,
    });
  });

  it("treats null like a new card created at the same time", () => {
    expect(gradeCard(null, 2, NOW, noFuzz)).toEqual(gradeCard(createNewCardState(NOW), 2, NOW, noFuzz));
  });

  it("logs the card as it was before the review", () => {
    const first = gradeCard(null, 3, NOW, noFuzz).next;
    const secondAt = first.due;
    const { next, log } = gradeCard(first, 3, secondAt, noFuzz);
    expect(next.state).toBe(2);
    expect(log.state).toBe(first.state);
    expect(log.stability).toBe(first.stability);
    expect(log.difficulty).toBe(first.difficulty);
    expect(log.learningSteps).toBe(first.learningSteps);
    expect(log.scheduledDays).toBe(first.scheduledDays);
    // ts-fsrs stores the previous review time in the log's due field so that rollback can restore it.
    expect(log.due).toEqual(first.lastReview);
    expect(log.reviewedAt).toEqual(secondAt);
  });

  it("counts a lapse when a review card is forgotten and sends it to relearning", () => {
    const learned = gradeCard(null, 4, NOW, noFuzz).next;
    expect(learned.state).toBe(2);
    const { next } = gradeCard(learned, 1, learned.due, noFuzz);
    expect(next.state).toBe(3);
    expect(next.lapses).toBe(1);
    expect(next.due).toEqual(new Date(learned.due.getTime() + 10 * MINUTE_MS));
  });

  it("follows the desired retention, maximum interval and weights", () => {
    // At 90% retention an interval equals the stability, and a first Easy sets stability to w[3].
    expect(gradeCard(null, 4, NOW, noFuzz).next.scheduledDays).toBe(8);
    const weights = [
      0.212, 1.2931, 2.3065, 20, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
      0.1542,
    ];
    expect(gradeCard(null, 4, NOW, { ...noFuzz, fsrsParameters: weights }).next.scheduledDays).toBe(20);
    expect(gradeCard(null, 4, NOW, { ...noFuzz, desiredRetention: 0.8 }).next.scheduledDays).toBeGreaterThan(8);
    expect(gradeCard(null, 4, NOW, { ...noFuzz, maximumInterval: 5 }).next.scheduledDays).toBe(5);
  });

  it("follows custom learning steps", () => {
    const settings = { ...noFuzz, learningSteps: ["5m", "1h", "1d"] };
    const first = gradeCard(null, 3, NOW, settings).next;
    expect(first.due).toEqual(new Date(NOW.getTime() + 60 * MINUTE_MS));
    const second = gradeCard(first, 3, first.due, settings).next;
    expect(second.due).toEqual(new Date(first.due.getTime() + DAY_MS));
  });

  it("leaves the previous state untouched", () => {
    const previous = gradeCard(null, 3, NOW, noFuzz).next;
    const snapshot: StoredCardState = structuredClone(previous);
    gradeCard(previous, 1, previous.due, noFuzz);
    expect(previous).toEqual(snapshot);
  });

  it("refuses a review earlier than the previous one", () => {
    const previous = gradeCard(null, 3, NOW, noFuzz).next;
    expect(() => gradeCard(previous, 3, new Date(NOW.getTime() - 1), noFuzz)).toThrow(RangeError);
  });
});
