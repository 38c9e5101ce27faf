import { describe, expect, it } from "vitest";
import { averageRetrievability, describeCardMemory } from "@/lib/progress/card-memory";
import { classifyMaturity, countMaturityByDeck, measureTopicMastery } from "@/lib/progress/maturity";
import { indexMemories, type MemoryRow } from "@/lib/progress/rows";
import type { StoredCardState } from "@/lib/srs/card-state";
import { schedulerSettingsSchema } from "@/lib/srs/settings";

const NOW = new Date("2024-03-05T15:20:00Z");
const DAY_MS = 86_400_000;

function memory(cardId: string, state: number, scheduledDays: number): MemoryRow {
  return { cardId, state, due: NOW, stability: scheduledDays, scheduledDays, suspended: false };
}

describe("maturity", () => {
  it("classifies new, learning, young and mature cards with Anki's 21-day line", () => {
    expect(classifyMaturity(undefined)).toBe("new");
    expect(classifyMaturity(memory("a", 0, 0))).toBe("new");
    expect(classifyMaturity(memory("a", 1, 0))).toBe("learning");
    expect(classifyMaturity(memory("a", 3, 0))).toBe("learning");
    expect(classifyMaturity(memory("a", 2, 20))).toBe("young");
    expect(classifyMaturity(memory("a", 2, 21))).toBe("mature");
  });

  const cards = [
    { cardId: "a", deckId: "d1", tags: ["Defence spending", "Summits"] },
    { cardId: "b", deckId: "d1", tags: ["Defence spending"] },
    { cardId: "c", deckId: "d2", tags: ["Summits"] },
    { cardId: "d", deckId: "d2", tags: [] },
  ];
  const memories = indexMemories([memory("a", 2, 40), memory("b", 2, 30), memory("c", 1, 0)]);

  it("counts cards by maturity per deck", () => {
    expect(
      countMaturityByDeck(
        [
          { id: "d1", name: "One" },
          { id: "d2", name: "Two" },
        ],
        cards,
        memories,
      ),
    ).toEqual([
      { deckId: "d1", name: "One", counts: { new: 0, learning: 0, young: 0, mature: 2 }, total: 2 },
      { deckId: "d2", name: "Two", counts: { new: 1, learning: 1, young: 0, mature: 0 }, total: 2 },
    ]);
  });

  it("gives each topic the share of its cards that are mature, best first", () => {
    expect(measureTopicMastery(cards, memories)).toEqual([
      { tag: "Defence spending", cards: 2, mature: 2, share: 1 },
      { tag: "Summits", cards: 2, mature: 1, share: 0.5 },
    ]);
  });
});

describe("card memory", () => {
  const settings = schedulerSettingsSchema.parse({});
  const studied: StoredCardState = {
    due: new Date(NOW.getTime() + 5 * DAY_MS),
    stability: 10,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 15,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state: 2,
    lastReview: new Date(NOW.getTime() - 10 * DAY_MS),
  };

  it("reads retrievability off the forgetting curve: 90% once stability days have passed", () => {
    const described = describeCardMemory(studied, NOW, settings);
    expect(described.retrievability).toBeCloseTo(0.9, 2);
    expect(described).toMatchObject({ stability: 10, nextDue: studied.due });
    const fresher = describeCardMemory({ ...studied, lastReview: new Date(NOW.getTime() - DAY_MS) }, NOW, settings);
    expect(fresher.retrievability!).toBeGreaterThan(0.98);
  });

  it("has nothing to say about cards never studied", () => {
    expect(describeCardMemory(null, NOW, settings)).toEqual({ retrievability: null, stability: null, nextDue: null });
    expect(averageRetrievability([], NOW, settings)).toBeNull();
    expect(averageRetrievability([studied, { ...studied, state: 0 }], NOW, settings)).toBeCloseTo(0.9, 2);
  });
});
