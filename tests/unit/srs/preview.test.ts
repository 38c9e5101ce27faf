import { describe, expect, it } from "vitest";
import type { StoredCardState } from "@/lib/srs/card-state";
import { gradeCard } from "@/lib/srs/grade";
import { previewIntervals } from "@/lib/srs/preview";
import { reviewSettingsSchema } from "@/lib/srs/settings";

const NOW = new Date("2024-02-01T09:00:00Z");
const defaults = reviewSettingsSchema.parse({});
const noFuzz = reviewSettingsSchema.parse({ enableFuzz: false });

function learnToReview(start: Date): StoredCardState {
  const learning = gradeCard(null, 3, start, defaults).next;
  return gradeCard(learning, 3, learning.due, defaults).next;
}

const UNIT_MS: Record<string, number> = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, mo: (864e5 * 365) / 12, y: 864e5 * 365 };
function labelToMs(label: string): number {
  const match = /^([\d.]+)(s|m|h|d|mo|y)$/.exec(label);
  if (!match) throw new Error(`Unexpected label ${label}`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}

describe("previewIntervals", () => {
  it("shows the learning steps for a new card", () => {
    const preview = previewIntervals(null, NOW, noFuzz);
    // Again repeats step 1; Hard averages steps 1 and 2, (1m + 10m) / 2 rounded; Good moves to step 2;
    // Easy graduates at w[3] = 8.2956 days of stability, which is the interval at 90% retention.
    expect(Object.fromEntries(Object.entries(preview).map(([button, { label }]) => [button, label]))).toEqual({
      again: "1m",
      hard: "6m",
      good: "10m",
      easy: "8d",
    });
  });

  it("orders the buttons of a review card strictly", () => {
    const card = learnToReview(NOW);
    expect(card.state).toBe(2);
    const reviewAt = new Date(card.due.getTime() + 3 * 864e5);
    const { again, hard, good, easy } = previewIntervals(card, reviewAt, defaults);
    expect(again.label).toBe("10m");
    const dues = [again, hard, good, easy].map(({ due }) => due.getTime());
    const labels = [again, hard, good, easy].map(({ label }) => labelToMs(label));
    for (let index = 1; index < 4; index++) {
      expect(dues[index]).toBeGreaterThan(dues[index - 1]!);
      expect(labels[index]).toBeGreaterThan(labels[index - 1]!);
    }
  });

  it("predicts exactly what grading will do, fuzz included", () => {
    const card = learnToReview(NOW);
    const reviewAt = card.due;
    const preview = previewIntervals(card, reviewAt, defaults);
    expect(gradeCard(card, 2, reviewAt, defaults).next.due).toEqual(preview.hard.due);
    expect(gradeCard(card, 3, reviewAt, defaults).next.due).toEqual(preview.good.due);
    expect(gradeCard(card, 4, reviewAt, defaults).next.due).toEqual(preview.easy.due);
  });
});
