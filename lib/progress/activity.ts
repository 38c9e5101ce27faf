import { studyDayKey } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";
import { listDayKeys, startOfWeekKey } from "./day-keys";
import type { ReviewRow } from "./rows";

export type DayActivity = { day: string; reviews: number; durationMs: number };
export type WeekActivity = { weekStart: string; reviews: number; durationMs: number };

/** Reviews and time spent on each of the last `days` study days, oldest first, today last; idle days are zeros. */
export function summarizeDailyActivity(reviews: readonly ReviewRow[], now: Date, daySettings: DaySettings, days: number): DayActivity[] {
  const activity = new Map(listDayKeys(studyDayKey(now, daySettings), days).map((day) => [day, { day, reviews: 0, durationMs: 0 }]));
  for (const review of reviews) {
    const entry = activity.get(studyDayKey(review.reviewedAt, daySettings));
    if (!entry) continue;
    entry.reviews += 1;
    entry.durationMs += review.durationMs;
  }
  return [...activity.values()];
}

/** Daily activity summed into Monday-to-Sunday weeks, oldest first. */
export function summarizeWeeklyActivity(daily: readonly DayActivity[]): WeekActivity[] {
  const weeks = new Map<string, WeekActivity>();
  for (const { day, reviews, durationMs } of daily) {
    const weekStart = startOfWeekKey(day);
    const week = weeks.get(weekStart) ?? { weekStart, reviews: 0, durationMs: 0 };
    week.reviews += reviews;
    week.durationMs += durationMs;
    weeks.set(weekStart, week);
  }
  return [...weeks.values()];
}
