import { createEmptyCard, Rating, State, type Card } from "ts-fsrs";
import { toFsrsCard, type StoredCardState } from "@/lib/srs/card-state";
import { studyDayKey } from "@/lib/srs/day";
import { createScheduler } from "@/lib/srs/scheduler";
import type { DaySettings, SchedulerSettings } from "@/lib/srs/settings";
import { addCalendarDays, findInstantOfWallClock, type CalendarDate } from "@/lib/srs/time-zone";

/** An exam on one deck: its calendar day ("YYYY-MM-DD"), the recall aimed for, and when new cards should be done. */
export type ExamPlan = { examDay: string; targetRecall: number; finishDaysBefore: number };

/** Before the finish day new cards are paced; in the final days only reviews and the final pass remain. */
export type ExamPhase = "pacing" | "final" | "over";

// Plenty for any interval chain that fits before an exam; a guard, not a tuning knob.
const MAX_PROJECTED_REVIEWS = 64;

function parseDayKey(key: string): CalendarDate {
  const [year = 0, month = 1, day = 1] = key.split("-").map(Number);
  return { year, month, day };
}

function formatDayKey({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysBetween(fromKey: string, toKey: string): number {
  const from = parseDayKey(fromKey);
  const to = parseDayKey(toKey);
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

/** The instant the exam's study day begins for this learner: their day-start hour, in their time zone. */
export function examMoment(plan: ExamPlan, daySettings: DaySettings): Date {
  return findInstantOfWallClock(parseDayKey(plan.examDay), daySettings.dayStartHour, daySettings.timeZone);
}

/** The last study day on which new cards are introduced: `finishDaysBefore` days before the exam, exclusive. */
export function finishDay(plan: ExamPlan): string {
  return formatDayKey(addCalendarDays(parseDayKey(plan.examDay), -plan.finishDaysBefore));
}

/** Where the learner stands at `now`: still pacing new cards, in the final days, or past the exam. */
export function examPhase(plan: ExamPlan, now: Date, daySettings: DaySettings): ExamPhase {
  const today = studyDayKey(now, daySettings);
  if (today >= plan.examDay) return "over";
  return today >= finishDay(plan) ? "final" : "pacing";
}

/**
 * How many new cards a day introduce every unseen card by the finish day: the cards unseen when this study day
 * began, spread evenly over the study days left (today included). In the final days, whatever is still unseen
 * is spread over the days left before the exam; after it, there is no pace (null) and the learner's own
 * daily limit applies again.
 */
export function newCardPace(plan: ExamPlan, unseenAtDayStart: number, now: Date, daySettings: DaySettings): number | null {
  const today = studyDayKey(now, daySettings);
  if (today >= plan.examDay) return null;
  const untilFinish = daysBetween(today, finishDay(plan));
  const daysLeft = untilFinish > 0 ? untilFinish : daysBetween(today, plan.examDay);
  return Math.ceil(unseenAtDayStart / daysLeft);
}

/**
 * New cards of an exam's deck the pace admits for the rest of this study day, and the pace itself (null after the
 * exam): the server's queue and the device's stored deck both count them this way.
 */
export function pacedNewCards(plan: ExamPlan, unseen: number, startedToday: number, now: Date, daySettings: DaySettings) {
  const perDay = newCardPace(plan, unseen + startedToday, now, daySettings);
  return { perDay, allowance: perDay === null ? 0 : Math.max(0, perDay - startedToday) };
}

/**
 * Recall predicted at `at` if the card is not reviewed again: ts-fsrs's own forgetting curve on the card's
 * current stability (FSRS.get_retrievability). A card never studied counts as 0.
 */
export function predictRecall(state: StoredCardState | null, at: Date, settings: SchedulerSettings): number {
  if (!state || state.state === State.New) return 0;
  return createScheduler(settings).get_retrievability(toFsrsCard(state), at, false);
}

/**
 * Recall predicted at the exam if the learner studies every review on its due day and answers Good, starting
 * with a card never studied today. Each step is ts-fsrs's own scheduler; nothing here models memory.
 */
export function predictRecallOnSchedule(state: StoredCardState | null, now: Date, exam: Date, settings: SchedulerSettings): number {
  const scheduler = createScheduler(settings);
  let card: Card = state && state.state !== State.New ? toFsrsCard(state) : createEmptyCard(now);
  if (card.state === State.New) card = scheduler.next(card, now, Rating.Good).card;
  for (let step = 0; step < MAX_PROJECTED_REVIEWS && card.due.getTime() < exam.getTime(); step++) {
    const at = new Date(Math.max(card.due.getTime(), now.getTime()));
    card = scheduler.next(card, at, Rating.Good).card;
  }
  return scheduler.get_retrievability(card, exam, false);
}

/**
 * The learner's pace: the share of their last `days` study days (today included) with at least one review.
 * A learner who studied every day keeps 1; one who stops for a week falls to 0.
 */
export function measurePace(reviewTimes: readonly Date[], now: Date, daySettings: DaySettings, days = 7): number {
  const today = studyDayKey(now, daySettings);
  const studied = new Set<string>();
  for (const time of reviewTimes) {
    if (time.getTime() > now.getTime()) continue;
    const key = studyDayKey(time, daySettings);
    const age = daysBetween(key, today);
    if (age >= 0 && age < days) studied.add(key);
  }
  return studied.size / days;
}

/**
 * Recall on exam day at the learner's pace: between stopping now (predictRecall) and keeping every review
 * (predictRecallOnSchedule), in proportion to the share of recent days they studied.
 */
export function forecastRecall(state: StoredCardState | null, now: Date, exam: Date, pace: number, settings: SchedulerSettings): number {
  const ifStopped = predictRecall(state, exam, settings);
  if (pace <= 0 || exam.getTime() <= now.getTime()) return ifStopped;
  return ifStopped + pace * (predictRecallOnSchedule(state, now, exam, settings) - ifStopped);
}
