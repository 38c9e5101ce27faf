import type { StoredCardState } from "@/lib/srs/card-state";
import { gradeCard, type GradeResult, type ReviewRating } from "@/lib/srs/grade";
import type { ReviewSettings } from "@/lib/srs/settings";

/** One grade as the client recorded it; `id` is generated on the client, so retries share it. */
export type ReviewEvent = { id: string; rating: ReviewRating; reviewedAt: Date };

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
 * with the card before each step, so a stored log can be rewritten to match its replay.
 */
export function traceReviews<E extends ReviewEvent>(events: readonly E[], settings: ReviewSettings, start: StoredCardState | null = null): ReplayStep<E>[] {
  const steps: ReplayStep<E>[] = [];
  let state = start;
  for (const event of mergeReviewEvents(events)) {
    const result = gradeCard(state, event.rating, event.reviewedAt, settings);
    steps.push({ event, before: state, result });
    state = result.next;
  }
  return steps;
}

/** The card state after applying every distinct review once, in time order, to a never-studied card; null if none. */
export function replayReviews(events: readonly ReviewEvent[], settings: ReviewSettings): StoredCardState | null {
  return traceReviews(events, settings).at(-1)?.result.next ?? null;
}
