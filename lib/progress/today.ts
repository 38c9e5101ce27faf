import { studyDayKey } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";
import type { ReviewRow } from "./rows";

/** What the learner did today; what is due today comes from lib/study/deck-list, counted like the study queue. */
export type TodaySummary = { reviewsToday: number; timeTodayMs: number };

/** Today's reviews and time spent, in the learner's study day. */
export function summarizeToday(input: { reviews: readonly ReviewRow[]; now: Date; daySettings: DaySettings }): TodaySummary {
  const todayKey = studyDayKey(input.now, input.daySettings);
  const reviewsToday = input.reviews.filter((review) => studyDayKey(review.reviewedAt, input.daySettings) === todayKey);
  return { reviewsToday: reviewsToday.length, timeTodayMs: reviewsToday.reduce((sum, review) => sum + review.durationMs, 0) };
}
