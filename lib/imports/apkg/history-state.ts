import type { StoredCardState } from "@/lib/srs/card-state";
import { replayReviews } from "@/lib/srs/replay";
import { createScheduler } from "@/lib/srs/scheduler";
import type { ReviewSettings } from "@/lib/srs/settings";
import type { CardHistory } from "./card-history";

const DAY_MS = 24 * 60 * 60 * 1000;
const REVIEW_STATE = 2;

/**
 * The FSRS state an imported card starts with for the teacher who imports it: the Anki reviews replayed through
 * ts-fsrs with the teacher's settings. When Anki kept its own FSRS memory state (stability and difficulty fitted on
 * the whole history) and the card is in review, that state wins and the due date follows from it.
 */
export function historyToState(history: CardHistory, settings: ReviewSettings): StoredCardState | null {
  const replayed = replayReviews(
    history.reviews.map((review, index) => ({ id: String(index).padStart(6, "0"), rating: review.rating, reviewedAt: review.at })),
    settings,
  );
  if (!replayed || !history.memory || replayed.state !== REVIEW_STATE || !replayed.lastReview) return replayed;
  const interval = createScheduler(settings).next_interval(history.memory.stability, 0);
  return {
    ...replayed,
    stability: history.memory.stability,
    difficulty: history.memory.difficulty,
    scheduledDays: interval,
    due: new Date(replayed.lastReview.getTime() + interval * DAY_MS),
  };
}
