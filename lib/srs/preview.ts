import { Rating } from "ts-fsrs";
import { prepareCardForReview, type StoredCardState } from "@/lib/srs/card-state";
import { formatInterval } from "@/lib/srs/format-interval";
import { createScheduler } from "@/lib/srs/scheduler";
import type { SchedulerSettings } from "@/lib/srs/settings";

/** The answer buttons, in rating order. */
export type AnswerButton = "again" | "hard" | "good" | "easy";

/** When the card would next be due after each answer, with a short label for the button. */
export type IntervalPreview = Record<AnswerButton, { due: Date; label: string }>;

/** What each answer button would schedule if pressed at `now`; `previous` is null for an unstudied card. */
export function previewIntervals(
  previous: StoredCardState | null,
  now: Date,
  settings: SchedulerSettings,
): IntervalPreview {
  const outcomes = createScheduler(settings).repeat(prepareCardForReview(previous, now), now);
  const describe = (due: Date) => ({ due: new Date(due), label: formatInterval(due.getTime() - now.getTime()) });
  return {
    again: describe(outcomes[Rating.Again].card.due),
    hard: describe(outcomes[Rating.Hard].card.due),
    good: describe(outcomes[Rating.Good].card.due),
    easy: describe(outcomes[Rating.Easy].card.due),
  };
}
