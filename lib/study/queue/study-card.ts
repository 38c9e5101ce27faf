import type { StoredCardState } from "@/lib/srs/card-state";
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

type CardContent = Omit<StudyCard, "state"> & { position: number };

/** A card as the study screen receives it: its content and FSRS state. */
export function toStudyCard(card: CardContent, state: StoredCardState | null): StudyCard {
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
  };
}
