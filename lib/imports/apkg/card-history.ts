import { z } from "zod";
import type { AnkiCard, AnkiReview } from "./read-collection";
import type { ReviewRating } from "@/lib/srs/grade";

/** One Anki review the app can replay: answered with a button, at an instant. */
export type HistoryReview = { at: Date; rating: ReviewRating };

/** An imported card's past in Anki: its reviews, and Anki's own FSRS memory state when it kept one. */
export type CardHistory = { stableId: string; reviews: HistoryReview[]; memory: { stability: number; difficulty: number } | null };

// cards.data holds Anki's FSRS memory state since 23.10: stability "s" (days) and difficulty "d" (1–10).
const cardDataSchema = z.object({ s: z.number().positive().finite(), d: z.number().min(1).max(10) });

// revlog.type: 0 learn, 1 review, 2 relearn, 3 filtered deck; 4 manual and 5 rescheduled are not answers.
const ANSWER_TYPES = new Set([0, 1, 2, 3]);

function memoryOf(card: AnkiCard | undefined): CardHistory["memory"] {
  if (!card?.data) return null;
  try {
    const parsed = cardDataSchema.safeParse(JSON.parse(card.data));
    return parsed.success ? { stability: parsed.data.s, difficulty: parsed.data.d } : null;
  } catch {
    return null;
  }
}

/** The answers among a card's revlog entries, oldest first; the rest are counted as skipped. */
function answersOf(entries: AnkiReview[]): { reviews: HistoryReview[]; skipped: number } {
  const reviews: HistoryReview[] = [];
  for (const entry of entries) {
    if (ANSWER_TYPES.has(entry.type) && entry.ease >= 1 && entry.ease <= 4 && Number.isFinite(entry.at) && entry.at > 0) {
      reviews.push({ at: new Date(entry.at), rating: entry.ease as HistoryReview["rating"] });
    }
  }
  reviews.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { reviews, skipped: entries.length - reviews.length };
}

/** The history one app card takes over from the Anki card it was made from (the first, for merged notes). */
export function historyOf(stableId: string, card: AnkiCard | undefined, entries: AnkiReview[]): { history: CardHistory | null; skipped: number } {
  const { reviews, skipped } = answersOf(entries);
  const memory = memoryOf(card);
  // A memory state with no dated review cannot be placed in time, so it cannot be scheduled.
  if (reviews.length === 0) return { history: null, skipped: skipped + (memory ? 1 : 0) };
  return { history: { stableId, reviews, memory }, skipped };
}
