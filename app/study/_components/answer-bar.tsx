import type { ReviewRating } from "@/lib/srs/grade";
import type { IntervalLabels } from "@/lib/study/device/session";

export const GRADES: { rating: ReviewRating; name: string; key: keyof IntervalLabels; tone: string }[] = [
  { rating: 1, name: "Again", key: "again", tone: "border-again text-again" },
  { rating: 2, name: "Hard", key: "hard", tone: "border-hard text-hard" },
  { rating: 3, name: "Good", key: "good", tone: "border-good text-good" },
  { rating: 4, name: "Easy", key: "easy", tone: "border-easy text-easy" },
];

/**
 * "Show answer" before the answer, the four grades after, in a row of fixed height so swapping them moves
 * nothing; it sits in the study screen's sticky thumb bar. Each grade's accessible name starts with the grade and ends with its interval,
 * so the name contains all the visible text (WCAG 2.5.3, label in name). The grade suggested by a checked
 * answer is marked by a ring, and in words for screen readers, who cannot see the ring.
 */
export function AnswerBar(props: {
  revealed: boolean;
  /** Worked out when the answer is shown; null before. */
  intervals: IntervalLabels | null;
  suggested: ReviewRating | null;
  onShow: () => void;
  onGrade: (rating: ReviewRating) => void;
}) {
  return props.revealed ? (
    <div className="grid h-16 grid-cols-4 gap-2">
      {GRADES.map((grade) => (
        <button
          key={grade.rating}
          type="button"
          onClick={() => props.onGrade(grade.rating)}
          className={`flex flex-col items-center justify-center rounded-xl border-2 bg-surface font-semibold ${grade.tone} ${props.suggested === grade.rating ? "ring-4 ring-brand/40" : ""}`}
        >
          <span>
            {grade.name}
            {props.suggested === grade.rating && <span className="sr-only"> (suggested)</span>}
          </span>
          <span className="text-xs font-normal text-muted">
            <span className="sr-only">Next review in </span>
            {props.intervals?.[grade.key]}
          </span>
        </button>
      ))}
    </div>
  ) : (
    <button type="button" onClick={props.onShow} className="h-16 w-full rounded-xl bg-brand text-lg font-semibold text-brand-ink">
      Show answer
    </button>
  );
}
