import type { Card } from "ts-fsrs";
import { startOfStudyDay, studyDayKey } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";

const DAY_MS = 86_400_000;

/**
 * The instant ts-fsrs is handed for `instant`. ts-fsrs counts elapsed days between UTC calendar dates; Anki, whose
 * logs FSRS was fitted on, counts them between the learner's study days (their time zone, starting at their day-start
 * hour). So the learner's study day is laid onto the UTC date of the same name, keeping the time since the day began
 * (capped just short of 24 h for a 25-hour DST day). For a learner in UTC whose day starts at midnight it is the
 * identity.
 */
export function toFsrsClock(instant: Date, day: DaySettings): Date {
  const since = Math.min(instant.getTime() - startOfStudyDay(instant, day).getTime(), DAY_MS - 1);
  return new Date(Date.parse(`${studyDayKey(instant, day)}T00:00:00Z`) + since);
}

/**
 * Runs ts-fsrs for a review at `now` on the learner's day: the card's last review and `now` go in on the FSRS clock,
 * and `fromFsrs` turns a due date it returns back into a real instant at the same distance from `now`, so learning
 * steps of minutes stay minutes and review intervals stay whole days.
 */
export function onLearnerDay(card: Card, now: Date, day: DaySettings) {
  const fsrsNow = toFsrsClock(now, day);
  const fsrsCard: Card = { ...card, last_review: card.last_review ? toFsrsClock(card.last_review, day) : undefined };
  const fromFsrs = (due: Date) => new Date(now.getTime() + (due.getTime() - fsrsNow.getTime()));
  return { fsrsCard, fsrsNow, fromFsrs };
}
