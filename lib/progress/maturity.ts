import type { CardRow, DeckRow, MemoryRow } from "./rows";

export type Maturity = "new" | "learning" | "young" | "mature";

// Anki's line: a card scheduled 21 days or more ahead counts as mature.
export const MATURE_INTERVAL_DAYS = 21;

/** Where a card stands for the learner; no memory means never studied. */
export function classifyMaturity(memory: Pick<MemoryRow, "state" | "scheduledDays"> | undefined): Maturity {
  if (!memory || memory.state === 0) return "new";
  if (memory.state !== 2) return "learning";
  return memory.scheduledDays >= MATURE_INTERVAL_DAYS ? "mature" : "young";
}

export type MaturityCounts = Record<Maturity, number>;
export type DeckMaturity = { deckId: string; name: string; counts: MaturityCounts; total: number };

function countMaturity(cards: readonly CardRow[], memories: ReadonlyMap<string, MemoryRow>): MaturityCounts {
  const counts: MaturityCounts = { new: 0, learning: 0, young: 0, mature: 0 };
  for (const card of cards) counts[classifyMaturity(memories.get(card.cardId))] += 1;
  return counts;
}

/** Cards by maturity for each deck, in the order the decks are given. */
export function countMaturityByDeck(decks: readonly DeckRow[], cards: readonly CardRow[], memories: ReadonlyMap<string, MemoryRow>): DeckMaturity[] {
  return decks.map((deck) => {
    const deckCards = cards.filter((card) => card.deckId === deck.id);
    return { deckId: deck.id, name: deck.name, counts: countMaturity(deckCards, memories), total: deckCards.length };
  });
}

export type TopicMastery = { tag: string; cards: number; mature: number; share: number };

/** For each topic tag, the share of its cards that are mature; best-known topics first. */
export function measureTopicMastery(cards: readonly CardRow[], memories: ReadonlyMap<string, MemoryRow>): TopicMastery[] {
  const byTag = new Map<string, { cards: number; mature: number }>();
  for (const card of cards) {
    const mature = classifyMaturity(memories.get(card.cardId)) === "mature";
    for (const tag of new Set(card.tags)) {
      const entry = byTag.get(tag) ?? { cards: 0, mature: 0 };
      entry.cards += 1;
      if (mature) entry.mature += 1;
      byTag.set(tag, entry);
    }
  }
  return [...byTag]
    .map(([tag, entry]) => ({ tag, ...entry, share: entry.mature / entry.cards }))
    .sort((a, b) => b.share - a.share || a.tag.localeCompare(b.tag));
}
