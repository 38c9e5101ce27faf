import type { CardKindName } from "@/lib/cards/schema";

/** How each card kind is named to teachers in lists, filters and the editor. */
export const KIND_NAMES: Record<CardKindName, string> = {
  CLOZE: "Cloze (fill the blank)",
  QA: "Question and answer",
  MCQ: "Multiple choice",
  TRUEFALSE: "True or false",
  NUMERIC: "Numeric",
};
