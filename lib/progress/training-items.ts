import { studyDayKey } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";
import { countDaysBetween } from "./day-keys";

/** One review as the FSRS optimizer sees it: the grade and whole study days since the card's previous review. */
export type TrainingReview = { rating: number; deltaT: number };

/** One training example: a card's reviews up to and including the one whose outcome is predicted. */
export type TrainingItem = TrainingReview[];

export type TrainingLogRow = { cardId: string; rating: number; reviewedAt: Date };

/**
 * Whether fsrs-rs accepts the item: it needs a review on a later study day than the first. The native optimizer
 * does not reject other items, it aborts the whole server process, so none may ever reach it.
 */
export function isTrainableItem(item: TrainingItem): boolean {
  return item.some((review, index) => index > 0 && review.deltaT > 0);
}

/** Whether fsrs-rs can score the item's prediction: it evaluates recall across days only, not same-day steps. */
export function isEvaluableItem(item: TrainingItem): boolean {
  return (item.at(-1)?.deltaT ?? 0) > 0;
}

/**
 * Turns a review log into FSRS training items, the way fsrs-rs reads an Anki log: per card in time order, days
 * counted between study days (so a review just after the day starts is a new day) and the first review at 0;
 * every review after the first yields the item of the history up to it, unless all of it fell on one study day.
 */
export function buildTrainingItems(log: readonly TrainingLogRow[], daySettings: DaySettings): TrainingItem[] {
  const byCard = new Map<string, TrainingLogRow[]>();
  for (const row of log) byCard.set(row.cardId, [...(byCard.get(row.cardId) ?? []), row]);
  const items: TrainingItem[] = [];
  for (const rows of byCard.values()) {
    const sorted = rows.toSorted((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    const days = sorted.map((row) => studyDayKey(row.reviewedAt, daySettings));
    const history = sorted.map((row, index) => ({ rating: row.rating, deltaT: index === 0 ? 0 : countDaysBetween(days[index - 1]!, days[index]!) }));
    for (let end = 2; end <= history.length; end++) {
      const item = history.slice(0, end);
      if (isTrainableItem(item)) items.push(item);
    }
  }
  return items;
}

// Below this, fitted weights mostly chase noise; the numbers follow Anki's advice of a few hundred reviews.
export const PERSONALIZE_MIN_REVIEWS = 400;
export const PERSONALIZE_MIN_CARDS = 50;

export type Readiness = { ready: boolean; reviews: number; cards: number; reviewsNeeded: number; cardsNeeded: number };

/** Whether the log is large enough to personalize, and how much more is needed if not. */
export function checkPersonalizeReadiness(log: readonly Pick<TrainingLogRow, "cardId">[]): Readiness {
  const reviews = log.length;
  const cards = new Set(log.map((row) => row.cardId)).size;
  const reviewsNeeded = Math.max(0, PERSONALIZE_MIN_REVIEWS - reviews);
  const cardsNeeded = Math.max(0, PERSONALIZE_MIN_CARDS - cards);
  return { ready: reviewsNeeded === 0 && cardsNeeded === 0, reviews, cards, reviewsNeeded, cardsNeeded };
}
