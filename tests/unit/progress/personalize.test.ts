import { describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import { evaluateParameters, personalizeParameters } from "@/lib/progress/optimize-parameters";
import { buildTrainingItems, checkPersonalizeReadiness, type TrainingLogRow } from "@/lib/progress/training-items";
import { estimateWorkload } from "@/lib/progress/workload";
import { schedulerSettingsSchema } from "@/lib/srs/settings";

const NEW_YORK = { timeZone: "America/New_York", dayStartHour: 4 };
const START = new Date("2024-01-10T15:00:00Z");
const DAY_MS = 86_400_000;

/** A learner who remembers every card at widening gaps: 60 cards, 8 reviews each, 1 then 3, 9, 27... days apart. */
function rememberEverything(): TrainingLogRow[] {
  const log: TrainingLogRow[] = [];
  for (let card = 0; card < 60; card++) {
    let at = START.getTime() + card * 3_600_000;
    for (let review = 0; review < 8; review++) {
      log.push({ cardId: `card-${card}`, rating: review === 0 ? 3 : 3 + (card % 2), reviewedAt: new Date(at) });
      at += 3 ** review * DAY_MS;
    }
  }
  return log;
}

describe("buildTrainingItems", () => {
  it("counts whole study days between a card's reviews and yields one item per review after the first", () => {
    const log = [
      { cardId: "a", rating: 3, reviewedAt: new Date("2024-03-05T02:00:00Z") }, // 21:00 on 4 March in New York
      { cardId: "a", rating: 1, reviewedAt: new Date("2024-03-05T10:00:00Z") }, // 05:00 on 5 March: the next study day
      { cardId: "b", rating: 3, reviewedAt: new Date("2024-03-05T12:00:00Z") },
      { cardId: "a", rating: 3, reviewedAt: new Date("2024-03-05T10:10:00Z") },
      { cardId: "a", rating: 4, reviewedAt: new Date("2024-03-09T12:00:00Z") },
      // Learning steps within one study day teach nothing long-term, and fsrs-rs would abort on them.
      { cardId: "c", rating: 1, reviewedAt: new Date("2024-03-05T12:00:00Z") },
      { cardId: "c", rating: 3, reviewedAt: new Date("2024-03-05T12:10:00Z") },
    ];
    expect(buildTrainingItems(log, NEW_YORK)).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 1 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 1 },
        { rating: 3, deltaT: 0 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 1 },
        { rating: 3, deltaT: 0 },
        { rating: 4, deltaT: 4 },
      ],
    ]);
  });

  it("says how many more reviews and cards personalization needs", () => {
    expect(checkPersonalizeReadiness(rememberEverything())).toEqual({ ready: true, reviews: 480, cards: 60, reviewsNeeded: 0, cardsNeeded: 0 });
    expect(checkPersonalizeReadiness(rememberEverything().slice(0, 100))).toMatchObject({ ready: false, reviewsNeeded: 300, cardsNeeded: 37 });
  });
});

describe("personalizeParameters", () => {
  it("fits weights to a reliably remembered log that predict it better than the defaults", async () => {
    const items = buildTrainingItems(rememberEverything(), NEW_YORK);
    const result = await personalizeParameters(items, []);
    expect(result.parameters).toHaveLength(21);
    expect(result.parameters).not.toEqual([...default_w]);
    // fsrs-rs sums the binned RMSE in parallel, so repeated evaluations agree only to float precision.
    expect(result.current.logLoss).toBeCloseTo(evaluateParameters(items, default_w).logLoss, 6);
    expect(result.optimized.logLoss).toBeLessThan(result.current.logLoss);
    expect(result.optimized.rmse).toBeLessThan(result.current.rmse);
  }, 60_000);

  it("survives a realistic log with same-day learning steps, and refuses same-day items at the native boundary", async () => {
    const withSteps = rememberEverything().flatMap((row) => [row, { ...row, reviewedAt: new Date(row.reviewedAt.getTime() + 600_000) }]);
    const result = await personalizeParameters(buildTrainingItems(withSteps, NEW_YORK), []);
    expect(result.optimized.logLoss).toBeLessThanOrEqual(result.current.logLoss);
    const sameDayOnly = [
      { rating: 1, deltaT: 0 },
      { rating: 3, deltaT: 0 },
    ];
    await expect(personalizeParameters([sameDayOnly, ...buildTrainingItems(withSteps, NEW_YORK)], [])).rejects.toThrow(RangeError);
  }, 60_000);
});

describe("estimateWorkload", () => {
  const settings = schedulerSettingsSchema.parse({});

  it("asks for more reviews a day as the desired retention rises", () => {
    const estimates = estimateWorkload([2, 10, 40, 200], settings);
    expect(estimates.map((estimate) => estimate.retention)).toEqual([0.8, 0.85, 0.9, 0.95]);
    const loads = estimates.map((estimate) => estimate.reviewsPerDay);
    expect(loads).toEqual([...loads].sort((a, b) => a - b));
    expect(loads[3]!).toBeGreaterThan(loads[0]!);
  });

  it("is zero without cards in review", () => {
    expect(estimateWorkload([], settings).every((estimate) => estimate.reviewsPerDay === 0)).toBe(true);
  });
});
