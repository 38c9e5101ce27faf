import { gradeCard } from "../lib/srs/grade";
import { reviewSettingsSchema } from "../lib/srs/settings";
import { median, timeRuns } from "./support/timing";

/** ts-fsrs scheduling through lib/srs, without I/O. */
export function measureGrading() {
  const settings = reviewSettingsSchema.parse({});
  const start = new Date("2026-01-05T09:00:00Z");
  const gradeTimes = timeRuns(() => {
    let state = null;
    let now = start;
    for (let i = 0; i < 10_000; i++) {
      const { next } = gradeCard(state, ((i % 4) + 1) as 1 | 2 | 3 | 4, now, settings);
      state = next;
      now = new Date(Math.max(next.due.getTime(), now.getTime() + 60_000));
    }
  });
  return { gradeCardPerSecond: Math.round(10_000 / (median(gradeTimes) / 1000)) };
}
