import { studyDayKey } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";
import { countDaysBetween, shiftDayKey } from "./day-keys";

export type Streak = {
  /** Consecutive study days with at least one review, ending today or, if today has none yet, yesterday. */
  current: number;
  studiedToday: boolean;
  longest: number;
};

/** The study streak in the learner's own days (time zone and day-start hour). */
export function measureStreak(reviewTimes: readonly Date[], now: Date, daySettings: DaySettings): Streak {
  const todayKey = studyDayKey(now, daySettings);
  // Reviews stamped after `now` (clock skew on import) cannot extend a streak into the future.
  const days = new Set(reviewTimes.map((time) => studyDayKey(time, daySettings)).filter((key) => key <= todayKey));
  const studiedToday = days.has(todayKey);
  let current = 0;
  for (let key = studiedToday ? todayKey : shiftDayKey(todayKey, -1); days.has(key); key = shiftDayKey(key, -1)) current += 1;

  let longest = 0;
  let run = 0;
  let previous: string | undefined;
  for (const key of [...days].sort()) {
    run = previous !== undefined && countDaysBetween(previous, key) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = key;
  }
  return { current, studiedToday, longest };
}
