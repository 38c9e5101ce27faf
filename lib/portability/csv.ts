import Papa from "papaparse";

/** A review as the FSRS optimizer's log format describes it. */
export type CsvReview = { cardId: string; reviewedAt: Date; rating: number; state: number; durationMs: number };

export const REVIEW_CSV_HEADER = "card_id,review_time,review_rating,review_state,review_duration";

/**
 * The review log in the FSRS optimizer's CSV format: review_time and review_duration in milliseconds,
 * review_state the card's state before the review (0 new, 1 learning, 2 review, 3 relearning). A text cell that a
 * spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
 */
export function formatReviewCsv(reviews: readonly CsvReview[]): string {
  const rows = reviews.map((review) => [review.cardId, review.reviewedAt.getTime(), review.rating, review.state, review.durationMs]);
  return `${Papa.unparse({ fields: REVIEW_CSV_HEADER.split(","), data: rows }, { escapeFormulae: true, newline: "\n" })}\n`;
}
