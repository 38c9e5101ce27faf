import { describe, expect, it } from "vitest";
import type { StoredCardState } from "@/lib/srs/card-state";
import { gradeCard, type ReviewRating } from "@/lib/srs/grade";
import { mergeReviewEvents, replayReviews, traceReviews, type ReviewEvent } from "@/lib/srs/replay";
import { reviewSettingsSchema } from "@/lib/srs/settings";
import { seededRandom } from "../../support/seeded-random";

const SETTINGS = reviewSettingsSchema.parse({});
const START = Date.UTC(2025, 5, 24, 8, 0);
const HOUR_MS = 3_600_000;

/** A history of 1-25 reviews with random grades and gaps (some reviews share an instant, as a double tap can). */
function randomHistory(next: () => number): ReviewEvent[] {
  const count = 1 + Math.floor(next() * 25);
  let at = START;
  return Array.from({ length: count }, (_, index) => {
    if (next() > 0.1) at += Math.floor(next() * 30 * 24 * HOUR_MS);
    return { id: `r${index.toString(36)}-${Math.floor(next() * 1e6)}`, rating: (1 + Math.floor(next() * 4)) as ReviewRating, reviewedAt: new Date(at) };
  });
}

/** The events reordered at random, with some sent two or three times (retries), as copies not shared objects. */
function scramble(events: ReviewEvent[], next: () => number): ReviewEvent[] {
  const sent = events.flatMap((event) => Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({ ...event, reviewedAt: new Date(event.reviewedAt) })));
  for (let i = sent.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sent[i], sent[j]] = [sent[j]!, sent[i]!];
  }
  return sent;
}

/** Applying each review once, in time order (ties by id): what a learner who never went offline would get. */
function applyInOrder(events: ReviewEvent[]): StoredCardState {
  const ordered = [...events].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || (a.id < b.id ? -1 : 1));
  return ordered.reduce<StoredCardState | null>((state, event) => gradeCard(state, event.rating, event.reviewedAt, SETTINGS).next, null)!;
}

const SEEDS = Array.from({ length: 40 }, (_, index) => index * 7919 + 1);

describe("merging and replaying reviews from several devices (seeded properties)", () => {
  it.each(SEEDS)("seed %i: shuffled, duplicated copies replay to applying each review once in order", (seed) => {
    const next = seededRandom(seed);
    const events = randomHistory(next);
    const expected = applyInOrder(events);
    for (let round = 0; round < 3; round++) {
      const sent = scramble(events, next);
      expect(mergeReviewEvents(sent).map((event) => event.id)).toEqual(mergeReviewEvents(events).map((event) => event.id));
      expect(replayReviews(sent, SETTINGS)).toEqual(expected);
    }
  });

  it.each(SEEDS.slice(0, 10))("seed %i: two devices' logs merge to the same state in either order, and merging is idempotent", (seed) => {
    const next = seededRandom(seed);
    const events = randomHistory(next);
    const phone = events.filter(() => next() < 0.5);
    const laptop = events.filter((event) => !phone.includes(event));
    const merged = mergeReviewEvents([...phone, ...laptop]);
    expect(mergeReviewEvents([...laptop, ...phone])).toEqual(merged);
    expect(mergeReviewEvents([...merged, ...phone])).toEqual(merged);
    expect(replayReviews([...laptop, ...phone], SETTINGS)).toEqual(applyInOrder(events));
  });

  it.each(SEEDS.slice(0, 10))("seed %i: each traced step starts from the state the step before it left", (seed) => {
    const steps = traceReviews(scramble(randomHistory(seededRandom(seed)), seededRandom(seed + 1)), SETTINGS);
    expect(steps[0]!.before).toBeNull();
    steps.slice(1).forEach((step, index) => expect(step.before).toEqual(steps[index]!.result.next));
    expect(steps.at(-1)!.result.next.reps).toBe(steps.length);
  });
});
