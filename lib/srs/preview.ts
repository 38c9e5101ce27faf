import { Rating } from "ts-fsrs";
import { prepareCardForReview, type StoredCardState } from "@/lib/srs/card-state";
import { formatInterval } from "@/lib/srs/format-interval";
import { onLearnerDay } from "@/lib/srs/learner-day";
import { createScheduler } from "@/lib/srs/scheduler";
import type { ReviewSettings } from "@/lib/srs/settings";

/** The answer buttons, in rating order. */
export type AnswerButton = "again" | "hard" | "good" | "easy";

/** When the card would next be due after each answer, with a short label for the button. */
export type IntervalPreview = Record<AnswerButton, { due: Date; label: string }>;

/** The answer buttons' labels: how long until the card is due again after each answer. */
export type IntervalLabels = Record<AnswerButton, string>;

/** What each answer button would schedule if pressed at `now`; `previous` is null for an unstudied card. */
export function previewIntervals(previous: StoredCardState | null, now: Date, settings: ReviewSettings): IntervalPreview {
  // Counted on the learner's day, as gradeCard counts it, so each button shows what pressing it will schedule.
  const { fsrsCard, fsrsNow, fromFsrs } = onLearnerDay(prepareCardForReview(previous, now), now, settings);
  const outcomes = createScheduler(settings).repeat(fsrsCard, fsrsNow);
  const describe = (fsrsDue: Date) => {
    const due = fromFsrs(fsrsDue);
    return { due, label: formatInterval(due.getTime() - now.getTime()) };
  };
  return {
    again: describe(outcomes[Rating.Again].card.due),
    hard: describe(outcomes[Rating.Hard].card.due),
    good: describe(outcomes[Rating.Good].card.due),
    easy: describe(outcomes[Rating.Easy].card.due),
  };
}

/** previewIntervals' labels alone, for the answer buttons. */
export function previewLabels(previous: StoredCardState | null, now: Date, settings: ReviewSettings): IntervalLabels {
  const preview = previewIntervals(previous, now, settings);
  return { again: preview.again.label, hard: preview.hard.label, good: preview.good.label, easy: preview.easy.label };
}
