import { State } from "ts-fsrs";

/**
 * Where one card stands for the learner at a moment: hidden (suspended, or buried until a later study day),
 * new, due this study day (a learning or a review card), or scheduled for a later day. This is the one
 * definition of "due", "learning" and "new" that the study queue, the offline queue, the Decks page and the
 * Dashboard all count with, so they never disagree.
 */
export type Availability = "suspended" | "buried" | "new" | "learning" | "review" | "later";

/** What availability depends on; a database count computes the same facts in SQL and classifies the groups here. */
export type AvailabilityFacts = { state: number | null; suspended: boolean; buried: boolean; dueToday: boolean };

/** Buried cards come back at `buriedUntil` (the start of the next study day when they were buried). */
export function isBuriedAt(buriedUntil: Date | null, now: Date): boolean {
  return buriedUntil !== null && buriedUntil.getTime() > now.getTime();
}

export function classifyAvailability(facts: AvailabilityFacts): Availability {
  if (facts.suspended) return "suspended";
  if (facts.buried) return "buried";
  if (facts.state === null || facts.state === State.New) return "new";
  if (!facts.dueToday) return "later";
  return facts.state === State.Review ? "review" : "learning";
}

/** A card's availability at `now`, in the study day that ends at `endOfDay`. */
export function availabilityAt(
  card: { state: { state: number; due: Date } | null; suspended: boolean; buriedUntil: Date | null },
  now: Date,
  endOfDay: Date,
): Availability {
  return classifyAvailability({
    state: card.state?.state ?? null,
    suspended: card.suspended,
    buried: isBuriedAt(card.buriedUntil, now),
    dueToday: card.state !== null && card.state.due.getTime() < endOfDay.getTime(),
  });
}

/** Today's work: review and learning cards due this study day, and the new cards today's limit still admits. */
export type TodayCounts = { review: number; learning: number; new: number };

/** Availability tallies, as `count` cards in each group. */
export type AvailabilityTally = Partial<Record<Availability, number>>;

export function tallyAvailability(groups: Iterable<{ availability: Availability; count: number }>): AvailabilityTally {
  const tally: AvailabilityTally = {};
  for (const group of groups) tally[group.availability] = (tally[group.availability] ?? 0) + group.count;
  return tally;
}

/** Today's counts from a tally; `newAllowance` is the daily new-card limit less the new cards started today. */
export function countToday(tally: AvailabilityTally, newAllowance: number): TodayCounts {
  return { review: tally.review ?? 0, learning: tally.learning ?? 0, new: Math.min(tally.new ?? 0, Math.max(0, newAllowance)) };
}
