import { addCalendarDays, findInstantOfWallClock, readWallClock, type CalendarDate } from "@/lib/srs/time-zone";
import type { DaySettings } from "@/lib/srs/settings";

function findStudyDate(instant: Date, daySettings: DaySettings): CalendarDate {
  const clock = readWallClock(instant, daySettings.timeZone);
  const date = { year: clock.year, month: clock.month, day: clock.day };
  // Before the day-start hour, a late-night session still counts toward yesterday.
  return clock.hour < daySettings.dayStartHour ? addCalendarDays(date, -1) : date;
}

/** The instant the study day containing `now` began: `dayStartHour` local time in the user's zone. */
export function startOfStudyDay(now: Date, daySettings: DaySettings): Date {
  return findInstantOfWallClock(findStudyDate(now, daySettings), daySettings.dayStartHour, daySettings.timeZone);
}

/** The instant the study day containing `now` ends (exclusive); days across a DST change last 23 or 25 hours. */
export function endOfStudyDay(now: Date, daySettings: DaySettings): Date {
  const nextDate = addCalendarDays(findStudyDate(now, daySettings), 1);
  return findInstantOfWallClock(nextDate, daySettings.dayStartHour, daySettings.timeZone);
}

/** The study day `instant` belongs to, as "YYYY-MM-DD" of the local date on which that day started. */
export function studyDayKey(instant: Date, daySettings: DaySettings): string {
  const { year, month, day } = findStudyDate(instant, daySettings);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whether a card due at `due` should be studied in the study day containing `now`. */
export function isDueToday(due: Date, now: Date, daySettings: DaySettings): boolean {
  return due.getTime() < endOfStudyDay(now, daySettings).getTime();
}
