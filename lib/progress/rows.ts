/** The plain rows the progress computations take; data.ts loads them, tests build them by hand. */

/** One grade; `state` is the card's ts-fsrs state before the review (0 new, 1 learning, 2 review, 3 relearning). */
export type ReviewRow = { cardId: string; rating: number; state: number; reviewedAt: Date; durationMs: number };

/** The learner's memory of one card (a CardState row). */
export type MemoryRow = { cardId: string; state: number; due: Date; stability: number; scheduledDays: number; suspended: boolean };

/** A card on the learner's dashboard. */
export type CardRow = { cardId: string; deckId: string; tags: string[] };

export type DeckRow = { id: string; name: string };

/** Indexes memories by card, since most computations ask "what does the learner remember of this card?". */
export function indexMemories(memories: readonly MemoryRow[]): Map<string, MemoryRow> {
  return new Map(memories.map((memory) => [memory.cardId, memory]));
}
