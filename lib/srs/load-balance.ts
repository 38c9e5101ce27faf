import { get_fuzz_range, State, type Card, type Grade } from "ts-fsrs";
import type { StoredCardState } from "@/lib/srs/card-state";
import { studyDayKey } from "@/lib/srs/day";
import { createScheduler } from "@/lib/srs/scheduler";
import type { DaySettings, SchedulerSettings } from "@/lib/srs/settings";

const DAY_MS = 86_400_000;
// An easy day counts its reviews this many times over, so a card lands there only if other days are far busier.
const EASY_DAY_WEIGHT = 3;

/** The whole days ts-fsrs's fuzz may give this review's interval. */
export type FuzzRange = { min: number; max: number };

/**
 * How one review is load balanced. The same review id, card state, rating, time and `chosenInterval` give the same
 * day on any device, whatever each one knows of the learner's load.
 */
export type LoadBalance = {
  reviewId: string;
  /** Weekdays (0 Sunday to 6 Saturday) to keep light. */
  easyDays: readonly number[];
  /** The interval (days) picked for this review before (on the device, or stored with the review): kept while inside the range. */
  chosenInterval?: number | null;
  /** Reviews already due on a study day ("YYYY-MM-DD"), this card excluded; unknown days count 0. */
  dueOn?: (dayKey: string) => number;
  /** The study day an instant belongs to (studyDayKey for the learner); gradeCard supplies it when absent. */
  dayKey?: (instant: Date) => string;
};

// FNV-1a: a fixed, platform-independent hash, so the device and the server break ties the same way.
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

function weekdayOf(dayKey: string): number {
  return new Date(`${dayKey}T12:00:00Z`).getUTCDay();
}

/**
 * The days ts-fsrs's own fuzz may choose from for this review (`get_fuzz_range` around the unfuzzed interval), on
 * the clock ts-fsrs was run on; null when it would not fuzz (fuzz off, not a review, under 2.5 days) or the range
 * holds a single day, so there is no choice to make.
 */
export function findFuzzRange(fsrsCard: Card, fsrsNow: Date, rating: Grade, elapsedDays: number, settings: SchedulerSettings): FuzzRange | null {
  if (!settings.enableFuzz) return null;
  const unfuzzed = createScheduler({ ...settings, enableFuzz: false }).next(fsrsCard, fsrsNow, rating).card;
  if (unfuzzed.state !== State.Review || unfuzzed.scheduled_days < 2.5) return null;
  const { min_ivl, max_ivl } = get_fuzz_range(unfuzzed.scheduled_days, elapsedDays, settings.maximumInterval);
  return min_ivl < max_ivl ? { min: min_ivl, max: max_ivl } : null;
}

/** Whether an interval chosen earlier for this review still lies inside its range. */
export function isInRange(interval: number | null | undefined, range: FuzzRange): interval is number {
  return typeof interval === "number" && Number.isInteger(interval) && interval >= range.min && interval <= range.max;
}

/**
 * The interval in `range` for a review at `reviewedAt`: the one chosen before if it is still inside, else the day
 * with the fewest reviews already due (easy days weighing more), ties broken by a hash of the review id.
 */
export function pickInterval(range: FuzzRange, reviewedAt: Date, balance: LoadBalance & { dayKey: (instant: Date) => string }): number {
  if (isInRange(balance.chosenInterval, range)) return balance.chosenInterval;
  let best: { days: number; cost: number; tie: number } | null = null;
  for (let days = range.min; days <= range.max; days++) {
    const dayKey = balance.dayKey(new Date(reviewedAt.getTime() + days * DAY_MS));
    const weight = balance.easyDays.includes(weekdayOf(dayKey)) ? EASY_DAY_WEIGHT : 1;
    const cost = ((balance.dueOn?.(dayKey) ?? 0) + 1) * weight;
    const tie = hash(`${balance.reviewId}:${days}`);
    if (!best || cost < best.cost || (cost === best.cost && tie < best.tie)) best = { days, cost, tie };
  }
  return best!.days;
}

/** The study day a card counts toward in a learner's load: its due day, or null for a card not yet studied. */
export function countedDay(state: StoredCardState | null, day: DaySettings): string | null {
  return state && state.state !== State.New ? studyDayKey(state.due, day) : null;
}

/**
 * Reviews due on each study day as the device knows them (`dueCounts`), without this card's own current due
 * date, which the review is about to move.
 */
export function dueOnExcluding(dueCounts: Readonly<Record<string, number>>, ownDayKey: string | null): (dayKey: string) => number {
  return (dayKey) => Math.max(0, (dueCounts[dayKey] ?? 0) - (dayKey === ownDayKey ? 1 : 0));
}

/** The counts after a card's due day moved from `from` to `to` (null: not counted, e.g. a new card). */
export function moveDueCount(dueCounts: Readonly<Record<string, number>>, from: string | null, to: string | null): Record<string, number> {
  const counts = { ...dueCounts };
  if (from !== null && counts[from]) {
    counts[from] -= 1;
    if (counts[from] === 0) delete counts[from];
  }
  if (to !== null) counts[to] = (counts[to] ?? 0) + 1;
  return counts;
}
