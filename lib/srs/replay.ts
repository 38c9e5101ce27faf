import type { StoredCardState } from "@/lib/srs/card-state";
import { gradeCard, type ReviewRating } from "@/lib/srs/grade";
import type { SchedulerSettings } from "@/lib/srs/settings";

/** One grade as the client recorded it; `id` is generated on the client, so retries share it. */
export type ReviewEvent = { id: string; rating: ReviewRating; reviewedAt: Date };

function compareEvents(a: ReviewEvent, b: ReviewEvent): number {
  const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return a.reviewedAt.getTime() - b.reviewedAt.getTime() || byId || a.rating - b.rating;
}

/** The events once each, in review-time order (ties broken by id), however they arrived. */
export function mergeReviewEvents(events: readonly ReviewEvent[]): ReviewEvent[] {
  const byId = new Map<string, ReviewEvent>();
  for (const event of events) {
    const kept = byId.get(event.id);
    // Copies of one id should be identical; picking by sort order keeps the merge independent of arrival order if not.
    if (!kept || compareEvents(event, kept) < 0) byId.set(event.id, event);
  }
  return [...byId.values()].sort(compareEvents);
}

/** The card state after applying every distinct review once, in time order, to a never-studied card; null if none. */
export function replayReviews(events: readonly ReviewEvent[], settings: SchedulerSettings): StoredCardState | null {
  return mergeReviewEvents(events).reduce<StoredCardState | null>(
    (state, event) => gradeCard(state, event.rating, event.reviewedAt, settings).next,
    null,
  );
}
