import type { StoredCardState } from "@/lib/srs/card-state";
import { previewIntervals } from "@/lib/srs/preview";
import type { ReviewSettings } from "@/lib/srs/settings";
import { serializeCardState, type StudyCard } from "../schema";

/** The card columns the study screen shows (position only orders new cards). */
export const CARD_CONTENT_SELECT = {
  id: true,
  kind: true,
  prompt: true,
  answer: true,
  choices: true,
  explanation: true,
  tolerance: true,
  tags: true,
  sourceDocument: true,
  position: true,
} as const;

type CardContent = Omit<StudyCard, "state" | "intervals"> & { position: number };

/** A card as the study screen receives it, with the interval each grade would schedule at `now`. */
export function toStudyCard(card: CardContent, state: StoredCardState | null, now: Date, settings: ReviewSettings): StudyCard {
  const preview = previewIntervals(state, now, settings);
  return {
    id: card.id,
    kind: card.kind,
    prompt: card.prompt,
    answer: card.answer,
    choices: card.choices,
    explanation: card.explanation,
    tolerance: card.tolerance,
    tags: card.tags,
    sourceDocument: card.sourceDocument,
    state: state ? serializeCardState(state) : null,
    intervals: { again: preview.again.label, hard: preview.hard.label, good: preview.good.label, easy: preview.easy.label },
  };
}
