import { createEmptyCard, type Card, type State } from "ts-fsrs";

/** One learner's FSRS memory of one card, as stored in the CardState table. */
export type StoredCardState = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview: Date | null;
};

/** The stored state as a ts-fsrs Card. */
export function toFsrsCard(stored: StoredCardState): Card {
  return {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsedDays,
    scheduled_days: stored.scheduledDays,
    learning_steps: stored.learningSteps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state as State,
    last_review: stored.lastReview ? new Date(stored.lastReview) : undefined,
  };
}

/** A ts-fsrs Card in the stored shape. */
export function fromFsrsCard(card: Card): StoredCardState {
  // ts-fsrs hands back the caller's `now` as last_review; copies keep later mutation of either from leaking.
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? new Date(card.last_review) : null,
  };
}

/** The state of a card never studied, due at `now`. */
export function createNewCardState(now: Date): StoredCardState {
  return fromFsrsCard(createEmptyCard(now));
}

/**
 * The ts-fsrs Card to schedule a review at `now`; `previous` is null for a card never studied.
 * Throws a RangeError when `now` is before the previous review, since FSRS cannot un-elapse time.
 */
export function prepareCardForReview(previous: StoredCardState | null, now: Date): Card {
  if (previous?.lastReview && now.getTime() < previous.lastReview.getTime()) {
    throw new RangeError("A review cannot come before the card's previous review.");
  }
  return toFsrsCard(previous ?? createNewCardState(now));
}
