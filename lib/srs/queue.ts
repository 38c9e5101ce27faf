import { availabilityAt } from "@/lib/srs/availability";
import type { StoredCardState } from "@/lib/srs/card-state";
import { endOfStudyDay } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";

/** One card the learner could study, with their state for it (null when never studied). */
export type QueueItem = {
  cardId: string;
  state: StoredCardState | null;
  suspended: boolean;
  buriedUntil: Date | null;
  position: number;
};

/** Everything needed to order one learner's session; `now` is passed in so the queue stays pure. */
export type StudyQueueInput = {
  items: QueueItem[];
  now: Date;
  daySettings: DaySettings;
  newCardsPerDay: number;
  /** New cards already started in the current study day. */
  newIntroducedToday: number;
  /** Reviews to put first, in due order: cards predicted below an exam's target recall. */
  firstCardIds?: ReadonlySet<string>;
};

export type StudyQueue = {
  /** Learning cards due now, then reviews with new cards spread among them, then learning cards due later today. */
  cardIds: string[];
  counts: { new: number; learning: number; review: number };
};

type Scheduled = { cardId: string; due: number };

function byDue(a: Scheduled, b: Scheduled): number {
  return a.due - b.due || compareIds(a.cardId, b.cardId);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function interleaveNewCards(reviews: string[], newCards: string[]): string[] {
  if (newCards.length === 0) return reviews;
  const reviewsPerNew = Math.ceil(reviews.length / newCards.length);
  const ordered: string[] = [];
  let nextNew = 0;
  reviews.forEach((cardId, index) => {
    ordered.push(cardId);
    if ((index + 1) % reviewsPerNew === 0 && nextNew < newCards.length) ordered.push(newCards[nextNew++]!);
  });
  return ordered.concat(newCards.slice(nextNew));
}

/** Orders what the learner should study now and counts it by kind (lib/srs/availability); suspended and buried cards never appear. */
export function buildStudyQueue(input: StudyQueueInput): StudyQueue {
  const nowMs = input.now.getTime();
  const endOfDay = endOfStudyDay(input.now, input.daySettings);
  const learningNow: Scheduled[] = [];
  const learningLater: Scheduled[] = [];
  const reviews: Scheduled[] = [];
  const newCards: QueueItem[] = [];

  for (const item of input.items) {
    const availability = availabilityAt(item, input.now, endOfDay);
    if (availability === "new") newCards.push(item);
    if (availability !== "review" && availability !== "learning") continue;
    const entry = { cardId: item.cardId, due: item.state!.due.getTime() };
    if (availability === "review") reviews.push(entry);
    else if (entry.due <= nowMs) learningNow.push(entry);
    else learningLater.push(entry);
  }

  const newAllowance = Math.max(0, input.newCardsPerDay - input.newIntroducedToday);
  const newToday = newCards
    .sort((a, b) => a.position - b.position || compareIds(a.cardId, b.cardId))
    .slice(0, newAllowance)
    .map((item) => item.cardId);
  const first = input.firstCardIds ?? new Set<string>();
  const rank = (entry: Scheduled) => (first.has(entry.cardId) ? 0 : 1);
  const reviewIds = reviews.sort((a, b) => rank(a) - rank(b) || byDue(a, b)).map((entry) => entry.cardId);

  return {
    cardIds: [
      ...learningNow.sort(byDue).map((entry) => entry.cardId),
      ...interleaveNewCards(reviewIds, newToday),
      ...learningLater.sort(byDue).map((entry) => entry.cardId),
    ],
    counts: { new: newToday.length, learning: learningNow.length + learningLater.length, review: reviewIds.length },
  };
}
