import type { StoredCardState } from "@/lib/srs/card-state";

/** The CardState columns that hold FSRS memory (everything but the keys, suspension and burial). */
export const FSRS_STATE_SELECT = {
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

/** Just the FSRS fields of a row, so extra selected columns never leak into writes or JSON. */
export function pickFsrsState(row: StoredCardState): StoredCardState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.lastReview,
  };
}
