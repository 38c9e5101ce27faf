import { isDueToday, studyDayKey } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";
import type { CardRow, MemoryRow, ReviewRow } from "./rows";

export type TodaySummary = {
  /** Studied cards whose due time has passed. */
  dueNow: number;
  /** Studied cards that fall due before the study day ends. */
  dueLaterToday: number;
  /** New cards the daily limit still allows, capped by the unstudied cards there are. */
  newLeft: number;
  reviewsToday: number;
  timeTodayMs: number;
};

/** The numbers for the "Today" panel. */
export function summarizeToday(input: {
  cards: readonly CardRow[];
  memories: ReadonlyMap<string, MemoryRow>;
  reviews: readonly ReviewRow[];
  now: Date;
  daySettings: DaySettings;
  newCardsPerDay: number;
  /** For decks with an upcoming exam: the new cards its pace still admits today, instead of the daily limit. */
  examNewLeft?: ReadonlyMap<string, number>;
}): TodaySummary {
  const { now, daySettings } = input;
  let dueNow = 0;
  let dueLaterToday = 0;
  const examNewLeft = input.examNewLeft ?? new Map<string, number>();
  let unstudied = 0;
  const unstudiedInExamDeck = new Map<string, number>();
  for (const card of input.cards) {
    const memory = input.memories.get(card.cardId);
    if (memory?.suspended) continue;
    if (!memory || memory.state === 0) {
      if (examNewLeft.has(card.deckId)) unstudiedInExamDeck.set(card.deckId, (unstudiedInExamDeck.get(card.deckId) ?? 0) + 1);
      else unstudied += 1;
    }
    else if (memory.due.getTime() <= now.getTime()) dueNow += 1;
    else if (isDueToday(memory.due, now, daySettings)) dueLaterToday += 1;
  }
  const todayKey = studyDayKey(now, daySettings);
  const reviewsToday = input.reviews.filter((review) => studyDayKey(review.reviewedAt, daySettings) === todayKey);
  // A card's first review (state new before it) is what uses up the daily new-card allowance.
  const deckOf = new Map(input.cards.map((card) => [card.cardId, card.deckId]));
  const introducedToday = reviewsToday.filter((review) => review.state === 0 && !examNewLeft.has(deckOf.get(review.cardId) ?? "")).length;
  const examNew = [...unstudiedInExamDeck].reduce((sum, [deckId, count]) => sum + Math.min(count, examNewLeft.get(deckId) ?? 0), 0);
  return {
    dueNow,
    dueLaterToday,
    newLeft: Math.min(unstudied, Math.max(0, input.newCardsPerDay - introducedToday)) + examNew,
    reviewsToday: reviewsToday.length,
    timeTodayMs: reviewsToday.reduce((sum, review) => sum + review.durationMs, 0),
  };
}
