import { toFsrsCard, type StoredCardState } from "@/lib/srs/card-state";
import { createScheduler } from "@/lib/srs/scheduler";
import type { SchedulerSettings } from "@/lib/srs/settings";

export type CardMemory = {
  /** Probability of recall at `now` on the learner's forgetting curve; null for a card never studied. */
  retrievability: number | null;
  /** Days for recall to fall to 90%; null for a card never studied. */
  stability: number | null;
  nextDue: Date | null;
};

/** What FSRS believes the learner remembers of one card right now. */
export function describeCardMemory(state: StoredCardState | null, now: Date, settings: SchedulerSettings): CardMemory {
  if (!state || state.state === 0) return { retrievability: null, stability: null, nextDue: null };
  // The scheduler carries the learner's own weights, so the curve's decay matches how their cards are scheduled.
  const retrievability = createScheduler(settings).get_retrievability(toFsrsCard(state), now, false);
  return { retrievability, stability: state.stability, nextDue: new Date(state.due) };
}

/** Mean retrievability now over the studied cards, or null when none is studied. */
export function averageRetrievability(states: readonly StoredCardState[], now: Date, settings: SchedulerSettings): number | null {
  const values = states.flatMap((state) => {
    const { retrievability } = describeCardMemory(state, now, settings);
    return retrievability === null ? [] : [retrievability];
  });
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}
