import { State } from "ts-fsrs";
import { isDueToday } from "@/lib/srs/day";
import { gradeCard, type ReviewRating } from "@/lib/srs/grade";
import { becameLeech } from "@/lib/srs/leech";
import { countedDay, dueOnExcluding, moveDueCount } from "@/lib/srs/load-balance";
import { formatInterval } from "@/lib/srs/format-interval";
import type { StudySettings } from "@/lib/srs/settings";
import { parseCardState, serializeCardState, type StudyCard, type StudyCounts } from "../schema";

/** How many cards of each kind remain; a card seen again later today counts once per appearance. */
export function countQueue(cards: readonly StudyCard[]): StudyCounts {
  const counts = { new: 0, learning: 0, review: 0 };
  for (const card of cards) {
    const state = card.state?.state ?? State.New;
    if (state === State.New) counts.new++;
    else if (state === State.Review) counts.review++;
    else counts.learning++;
  }
  return counts;
}

/** The learner's reviews due on each study day, as the device knows them, for its load balancing. */
export type DueCounts = Record<string, number>;

/**
 * Applies a grade on the device, with the same lib/srs code the server runs, so the next card needs no round
 * trip. The review is load balanced on `dueCounts` (the learner's load as this device knows it); `chosenInterval`
 * goes to the server with the review, which keeps it when it agrees the day is allowed, and `dueCounts` comes back
 * with the card moved. `comesBack` says whether the card is due again within this study day (a learning step).
 * `leech` says this grade made the card a leech (the server applies the same rule when it stores the review).
 */
export function gradeLocally<Card extends Pick<StudyCard, "state">>(
  card: Card,
  rating: ReviewRating,
  reviewedAt: Date,
  settings: StudySettings,
  load: { reviewId: string; dueCounts: DueCounts },
): { card: Card; comesBack: boolean; leech: boolean; chosenInterval: number | null; dueCounts: DueCounts } {
  const before = card.state ? parseCardState(card.state) : null;
  const ownDay = countedDay(before, settings);
  const balance = { reviewId: load.reviewId, easyDays: settings.easyDays, dueOn: dueOnExcluding(load.dueCounts, ownDay) };
  const { next, chosenInterval } = gradeCard(before, rating, reviewedAt, settings, balance);
  return {
    card: { ...card, state: serializeCardState(next) },
    comesBack: isDueToday(next.due, reviewedAt, settings),
    leech: becameLeech(before, next, settings),
    chosenInterval,
    dueCounts: moveDueCount(load.dueCounts, ownDay, countedDay(next, settings)),
  };
}

/** The answer buttons' labels: how long until the card is due again after each grade. */
export type IntervalLabels = Record<"again" | "hard" | "good" | "easy", string>;

const LABELLED_GRADES: [keyof IntervalLabels, ReviewRating][] = [
  ["again", 1],
  ["hard", 2],
  ["good", 3],
  ["easy", 4],
];

/**
 * The answer buttons' labels for `card` answered at `at`, worked out by gradeLocally itself with the review id and
 * load the grade will use: a review's label names the day load balancing will pick, not the unbalanced interval.
 */
export function answerLabels(card: StudyCard, at: Date, settings: StudySettings, load: { reviewId: string; dueCounts: DueCounts }): IntervalLabels {
  const label = (rating: ReviewRating) => formatInterval(Date.parse(gradeLocally(card, rating, at, settings, load).card.state!.due) - at.getTime());
  return Object.fromEntries(LABELLED_GRADES.map(([key, rating]) => [key, label(rating)])) as IntervalLabels;
}
