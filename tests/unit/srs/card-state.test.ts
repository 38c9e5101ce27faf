import { describe, expect, it } from "vitest";
import { createNewCardState, fromFsrsCard, prepareCardForReview, toFsrsCard, type StoredCardState } from "@/lib/srs/card-state";

const NOW = new Date("2024-05-01T08:00:00Z");

describe("card state conversion", () => {
  it("creates an unstudied card due now", () => {
    expect(createNewCardState(NOW)).toEqual({
      due: NOW,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: 0,
      lastReview: null,
    });
  });

  it("round-trips a stored state through a ts-fsrs card", () => {
    const stored: StoredCardState = {
      due: new Date("2024-05-09T08:00:00Z"),
      stability: 7.5,
      difficulty: 4.2,
      elapsedDays: 3,
      scheduledDays: 8,
      learningSteps: 0,
      reps: 4,
      lapses: 1,
      state: 2,
      lastReview: NOW,
    };
    const card = toFsrsCard(stored);
    expect(card.scheduled_days).toBe(8);
    expect(card.last_review).toEqual(NOW);
    expect(fromFsrsCard(card)).toEqual(stored);
    expect(fromFsrsCard(toFsrsCard({ ...stored, lastReview: null })).lastReview).toBeNull();
  });

  it("does not share Date objects with its input", () => {
    const stored = createNewCardState(NOW);
    const card = toFsrsCard(stored);
    card.due.setTime(0);
    expect(stored.due).toEqual(NOW);
  });

  it("prepares a new card for null and refuses to go back in time", () => {
    expect(prepareCardForReview(null, NOW)).toEqual(toFsrsCard(createNewCardState(NOW)));
    const reviewed = { ...createNewCardState(NOW), state: 1, lastReview: NOW };
    expect(() => prepareCardForReview(reviewed, new Date(NOW.getTime() - 1000))).toThrow(RangeError);
    expect(prepareCardForReview(reviewed, NOW).state).toBe(1);
  });
});
