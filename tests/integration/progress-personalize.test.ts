import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createUser, recordReviews } from "../support/progress-fixtures";
import { listReviewStabilities, listTrainingReviews } from "@/lib/progress/data";
import { personalizeParameters } from "@/lib/progress/optimize-parameters";
import { buildTrainingItems, checkPersonalizeReadiness } from "@/lib/progress/training-items";
import { estimateWorkload } from "@/lib/progress/workload";
import { findUserSettings } from "@/lib/users/data";
import { saveFsrsParameters } from "@/lib/users/mutations";

const db = await createTestDb();
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

describe("personalizing scheduling from a stored review log", () => {
  it("fits weights on a real log with same-day learning steps, stores them and resets them", async () => {
    const learner = await createUser(db, "keen@example.org", { timeZone: "Europe/Brussels" });
    const deck = await createDeck(
      db,
      learner.id,
      "Big deck",
      Array.from({ length: 55 }, (_, index) => [`Topic ${index % 5}`]),
    );
    const start = new Date("2024-01-08T08:00:00Z").getTime();
    for (const [index, cardId] of deck.cardIds.entries()) {
      const first = start + index * 30 * MINUTE_MS;
      // Again then Good ten minutes later: two reviews on one study day, as the learning steps produce them.
      const grades: { rating: 1 | 2 | 3 | 4; at: Date }[] = [
        { rating: 1, at: new Date(first) },
        { rating: 3, at: new Date(first + 10 * MINUTE_MS) },
      ];
      for (let review = 0; review < 6; review++) {
        grades.push({ rating: (index + review) % 6 === 0 ? 1 : 3, at: new Date(first + 2 ** (review + 1) * DAY_MS) });
      }
      await recordReviews(db, learner.id, cardId, grades);
    }

    const log = await listTrainingReviews(db, learner.id);
    expect(checkPersonalizeReadiness(log)).toMatchObject({ ready: true, reviews: 440, cards: 55 });
    const settings = await findUserSettings(db, learner.id);
    const items = buildTrainingItems(log, { timeZone: settings!.timeZone, dayStartHour: settings!.dayStartHour });
    const result = await personalizeParameters(items, settings!.fsrsParameters);
    expect(result.parameters).toHaveLength(21);
    expect(result.optimized.logLoss).toBeLessThanOrEqual(result.current.logLoss);

    await saveFsrsParameters(db, learner.id, result.parameters);
    expect((await findUserSettings(db, learner.id))!.fsrsParameters).toEqual(result.parameters.map((weight) => expect.closeTo(weight, 5)));
    const workload = estimateWorkload(await listReviewStabilities(db, learner.id), (await findUserSettings(db, learner.id))!);
    expect(workload.every((estimate) => estimate.reviewsPerDay > 0)).toBe(true);

    await saveFsrsParameters(db, learner.id, []);
    expect((await findUserSettings(db, learner.id))!.fsrsParameters).toEqual([]);
  });
});
