import Papa from "papaparse";
import type { DaySettings } from "@/lib/srs/settings";

/** A review as the FSRS optimizer's log format describes it. */
export type CsvReview = { cardId: string; reviewedAt: Date; rating: number; state: number; durationMs: number };

export const REVIEW_CSV_HEADER = "card_id,review_time,review_rating,review_state,review_duration,timezone,day_start";

/**
 * The review log in the FSRS optimizer's CSV format: review_time and review_duration in milliseconds,
 * review_state the card's state before the review (0 new, 1 learning, 2 review, 3 relearning). Each row also
 * names the learner's time zone and day-start hour: the app counts elapsed days between study days that begin at
 * day_start in timezone, as Anki does, so a replay (fsrs-rs convertCsvToFsrsItems(csv, day_start, timezone, …))
 * reproduces the app's memory states. fsrs-rs ignores the two extra columns when reading. A text cell that a
 * spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
 */
export function formatReviewCsv(reviews: readonly CsvReview[], day: DaySettings): string {
  const rows = reviews.map((review) => [
    review.cardId,
    review.reviewedAt.getTime(),
    review.rating,
    review.state,
    review.durationMs,
    day.timeZone,
    day.dayStartHour,
  ]);
  return `${Papa.unparse({ fields: REVIEW_CSV_HEADER.split(","), data: rows }, { escapeFormulae: true, newline: "\n" })}\n`;
}
