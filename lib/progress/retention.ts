import { studyDayKey } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";
import { shiftDayKey, startOfWeekKey } from "./day-keys";
import type { ReviewRow } from "./rows";

export type WeekRetention = { weekStart: string; reviews: number; passed: number; retention: number | null };

const REVIEW_STATE = 2;

/**
 * True retention for each of the last `weeks` weeks, oldest first: the share of reviews of cards in review state
 * answered Hard, Good or Easy. Learning steps are left out, as Anki does, because they measure short-term recall.
 */
export function measureWeeklyRetention(reviews: readonly ReviewRow[], now: Date, daySettings: DaySettings, weeks: number): WeekRetention[] {
  const thisWeek = startOfWeekKey(studyDayKey(now, daySettings));
  const byWeek = new Map<string, WeekRetention>();
  for (let index = weeks - 1; index >= 0; index--) {
    const weekStart = shiftDayKey(thisWeek, -7 * index);
    byWeek.set(weekStart, { weekStart, reviews: 0, passed: 0, retention: null });
  }
  for (const review of reviews) {
    if (review.state !== REVIEW_STATE) continue;
    const week = byWeek.get(startOfWeekKey(studyDayKey(review.reviewedAt, daySettings)));
    if (!week) continue;
    week.reviews += 1;
    if (review.rating > 1) week.passed += 1;
  }
  return [...byWeek.values()].map((week) => ({ ...week, retention: week.reviews > 0 ? week.passed / week.reviews : null }));
}
