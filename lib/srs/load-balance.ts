import { get_fuzz_range, State } from "ts-fsrs";
import { fromFsrsCard, prepareCardForReview, type StoredCardState } from "@/lib/srs/card-state";
import type { ReviewRating } from "@/lib/srs/grade";
import { createScheduler } from "@/lib/srs/scheduler";
import type { SchedulerSettings } from "@/lib/srs/settings";

const DAY_MS = 86_400_000;
// An easy day counts its reviews this many times over, so a card lands there only if other days are far busier.
const EASY_DAY_WEIGHT = 3;

/** What the balancer needs to know about the learner's calendar. */
export type LoadBalanceContext = {
  /** Reviews already due on a study day ("YYYY-MM-DD"), this card excluded. */
  dueOn: (dayKey: string) => number;
  /** Weekdays (0 Sunday to 6 Saturday) to keep light. */
  easyDays: readonly number[];
  /** The study day an instant belongs to, in the learner's zone and day start (studyDayKey). */
  dayKey: (instant: Date) => string;
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
 * The interval, in days, within ts-fsrs's own fuzz range for this review that lands on the study day with the
 * fewest reviews already due (easy days weighing more), ties broken by a hash of the review id. Null when ts-fsrs
 * would not fuzz this interval (fuzz off, under 2.5 days, or not a review), so nothing is moved.
 */
export function pickBalancedInterval(
  unfuzzedDays: number,
  elapsedDays: number,
  reviewedAt: Date,
  reviewId: string,
  settings: SchedulerSettings,
  context: LoadBalanceContext,
): number | null {
  if (!settings.enableFuzz || unfuzzedDays < 2.5) return null;
  const { min_ivl, max_ivl } = get_fuzz_range(unfuzzedDays, elapsedDays, settings.maximumInterval);
  let best: { days: number; cost: number; tie: number } | null = null;
  for (let days = min_ivl; days <= max_ivl; days++) {
    const dayKey = context.dayKey(new Date(reviewedAt.getTime() + days * DAY_MS));
    const weight = context.easyDays.includes(weekdayOf(dayKey)) ? EASY_DAY_WEIGHT : 1;
    const cost = (context.dueOn(dayKey) + 1) * weight;
    const tie = hash(`${reviewId}:${days}`);
    if (!best || cost < best.cost || (cost === best.cost && tie < best.tie)) best = { days, cost, tie };
  }
  return best?.days ?? null;
}

/**
 * ts-fsrs's review, with its due date moved within ts-fsrs's own fuzz range to the least loaded day. Memory
 * (stability, difficulty) is ts-fsrs's untouched; only which day of the allowed range the card returns on changes.
 * The same review id, state, rating, time and load give the same day on any device.
 */
export function balanceReview(
  previous: StoredCardState | null,
  next: StoredCardState,
  rating: ReviewRating,
  reviewedAt: Date,
  reviewId: string,
  settings: SchedulerSettings,
  context: LoadBalanceContext,
): StoredCardState {
  if (next.state !== State.Review || !settings.enableFuzz) return next;
  const card = prepareCardForReview(previous, reviewedAt);
  const unfuzzed = fromFsrsCard(createScheduler({ ...settings, enableFuzz: false }).next(card, reviewedAt, rating).card);
  if (unfuzzed.state !== State.Review) return next;
  const elapsedDays = previous?.lastReview ? Math.max(0, Math.floor((reviewedAt.getTime() - previous.lastReview.getTime()) / DAY_MS)) : 0;
  const days = pickBalancedInterval(unfuzzed.scheduledDays, elapsedDays, reviewedAt, reviewId, settings, context);
  if (days === null) return next;
  return { ...next, due: new Date(reviewedAt.getTime() + days * DAY_MS), scheduledDays: days };
}
