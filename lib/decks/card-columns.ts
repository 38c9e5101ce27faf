// Not "server-only": generated-cards.ts, which the seed loader and the `npm run generate` CLI import, uses it.
import type { Prisma } from "@/lib/db/generated/client";
import type { CardKindName } from "@/lib/cards/schema";
import type { GeneratedCard } from "@/lib/generator/types";

const KIND: Record<GeneratedCard["kind"], CardKindName> = {
  cloze: "CLOZE",
  qa: "QA",
  mcq: "MCQ",
  truefalse: "TRUEFALSE",
  numeric: "NUMERIC",
};

/** The stored columns a generated card maps to; `position` follows the generator's order. */
export function toCardColumns(card: GeneratedCard, position: number) {
  return {
    kind: KIND[card.kind],
    prompt: card.prompt,
    answer: card.answer,
    choices: card.choices ?? [],
    explanation: card.explanation ?? "",
    tolerance: card.tolerance ?? null,
    tags: card.tags,
    flags: card.flags ?? [],
    sourceDocument: card.source.document,
    sourceSentence: card.source.sentence,
    factId: card.factId ?? null,
    faces: (card.faces ?? []) as Prisma.InputJsonArray,
    position,
  };
}
export type CardColumns = ReturnType<typeof toCardColumns>;

/**
 * A card's content with its stable id: what copying a deck carries over and what regenerating compares. It is
 * held to `toCardColumns`, so a column added there must be added here.
 */
export const CARD_COPY_SELECT = {
  stableId: true,
  kind: true,
  prompt: true,
  answer: true,
  choices: true,
  explanation: true,
  tolerance: true,
  tags: true,
  flags: true,
  sourceDocument: true,
  sourceSentence: true,
  factId: true,
  faces: true,
  position: true,
} as const satisfies Record<keyof CardColumns | "stableId", true>;
