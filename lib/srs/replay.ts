import type { StoredCardState } from "@/lib/srs/card-state";
import { gradeCard, type GradeResult, type ReviewRating } from "@/lib/srs/grade";
import type { ReviewSettings } from "@/lib/srs/settings";

/**
 * One grade as the client recorded it; `id` is generated on the client, so retries share it. `chosenInterval` is the
 * day load balancing picked for it (on the device, or stored with the review), which a replay keeps while it fits.
 */
export type ReviewEvent = { id: string; rating: ReviewRating; reviewedAt: Date; chosenInterval?: number | null };

/** Load balancing for a replay: the learner's easy days. Days already picked are kept; others are picked on an even load. */
export type ReplayBalance = { easyDays: readonly number[] };

/** One review replayed: the card just before it (null if never studied) and what lib/srs made of it. */
export type ReplayStep<E extends ReviewEvent = ReviewEvent> = { event: E; before: StoredCardState | null; result: GradeResult };

function compareEvents(a: ReviewEvent, b: ReviewEvent): number {
  const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return a.reviewedAt.getTime() - b.reviewedAt.getTime() || byId || a.rating - b.rating;
}

/** The events once each, in review-time order (ties broken by id), however they arrived. */
export function mergeReviewEvents<E extends ReviewEvent>(events: readonly E[]): E[] {
  const byId = new Map<string, E>();
  for (const event of events) {
    const kept = byId.get(event.id);
    // Copies of one id should be identical; picking by sort order keeps the merge independent of arrival order if not.
    if (!kept || compareEvents(event, kept) < 0) byId.set(event.id, event);
  }
  return [...byId.values()].sort(compareEvents);
}

/**
 * Every distinct review applied once, in time order, starting from `start` (null: a card never studied),
 * with the card before each step, so a stored log can be rewritten to match its replay. With `balance`, each
 * review is load balanced: it keeps the day chosen for it while that day is in its fuzz range, else gets the
 * balancer's pick on an even load (its easy days and review id decide), the same on every replay.
 */
export function traceReviews<E extends ReviewEvent>(
  events: readonly E[],
  settings: ReviewSettings,
  start: StoredCardState | null = null,
  balance?: ReplayBalance,
): ReplayStep<E>[] {
  const steps: ReplayStep<E>[] = [];
  let state = start;
  for (const event of mergeReviewEvents(events)) {
    const choice = balance && { reviewId: event.id, easyDays: balance.easyDays, chosenInterval: event.chosenInterval };
    const result = gradeCard(state, event.rating, event.reviewedAt, settings, choice);
    steps.push({ event, before: state, result });
    state = result.next;
  }
  return steps;
}

/** The card state after applying every distinct review once, in time order, to a never-studied card; null if none. */
export function replayReviews(events: readonly ReviewEvent[], settings: ReviewSettings, balance?: ReplayBalance): StoredCardState | null {
  return traceReviews(events, settings, null, balance).at(-1)?.result.next ?? null;
}
