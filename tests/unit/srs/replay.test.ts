import { describe, expect, it } from "vitest";
import type { StoredCardState } from "@/lib/srs/card-state";
import { gradeCard, type ReviewRating } from "@/lib/srs/grade";
import { mergeReviewEvents, replayReviews, type ReviewEvent } from "@/lib/srs/replay";
import { reviewSettingsSchema } from "@/lib/srs/settings";

const HOUR_MS = 3_600_000;
const START = new Date("2024-01-10T07:15:00Z");
const withFuzz = reviewSettingsSchema.parse({});
const withoutFuzz = reviewSettingsSchema.parse({ enableFuzz: false });

// A realistic history: each review some hours after the card fell due, so long intervals get fuzzed.
const ratings: ReviewRating[] = [3, 3, 3, 2, 3, 1, 3, 3, 4, 3];
function buildHistory(): { events: ReviewEvent[]; incremental: StoredCardState } {
  const events: ReviewEvent[] = [];
  let state: StoredCardState | null = null;
  let reviewedAt = START;
  ratings.forEach((rating, index) => {
    events.push({ id: `review-${String(index).padStart(2, "0")}`, rating, reviewedAt });
    state = gradeCard(state, rating, reviewedAt, withFuzz).next;
    reviewedAt = new Date(state.due.getTime() + (index % 3) * 5 * HOUR_MS);
  });
  return { events, incremental: state! };
}

describe("replayReviews", () => {
  const { events, incremental } = buildHistory();

  it("equals applying each review once, in order", () => {
    expect(replayReviews(events, withFuzz)).toEqual(incremental);
    expect(incremental.reps).toBe(ratings.length);
  });

  it("gives the same state for shuffled lists with duplicates", () => {
    const reversedWithCopies = [...events].reverse().concat(events.slice(2, 6).map((event) => ({ ...event })));
    // Strides 7 and 3 are coprime with the 10 events, so each visits every event once, in a scrambled order.
    const pick = (stride: number, index: number) => events[(index * stride) % events.length]!;
    const interleaved = events.flatMap((_, index) => [pick(7, index), pick(3, index)]);
    expect(new Set(interleaved.map((event) => event.id)).size).toBe(events.length);
    expect(replayReviews(reversedWithCopies, withFuzz)).toEqual(incremental);
    expect(replayReviews(interleaved, withFuzz)).toEqual(incremental);
  });

  it("is sensitive to fuzz, so the equality above covers fuzzed intervals", () => {
    expect(replayReviews(events, withoutFuzz)).not.toEqual(incremental);
  });

  it("returns null when there is nothing to replay", () => {
    expect(replayReviews([], withFuzz)).toBeNull();
  });
});

describe("mergeReviewEvents", () => {
  const at = (hour: number) => new Date(Date.UTC(2024, 0, 10, hour));

  it("drops repeated ids and sorts by review time, then id", () => {
    const merged = mergeReviewEvents([
      { id: "c", rating: 3, reviewedAt: at(9) },
      { id: "b", rating: 1, reviewedAt: at(8) },
      { id: "a", rating: 3, reviewedAt: at(9) },
      { id: "b", rating: 1, reviewedAt: at(8) },
    ]);
    expect(merged.map((event) => event.id)).toEqual(["b", "a", "c"]);
  });

  it("picks the same copy of a conflicting id whatever the arrival order", () => {
    const early = { id: "x", rating: 3 as const, reviewedAt: at(8) };
    const late = { id: "x", rating: 1 as const, reviewedAt: at(10) };
    expect(mergeReviewEvents([early, late])).toEqual([early]);
    expect(mergeReviewEvents([late, early])).toEqual([early]);
  });
});
