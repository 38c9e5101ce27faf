import Link from "next/link";
import type { ExamSummary } from "@/lib/exams/data";
import { formatExamDay } from "@/lib/exams/forecast";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** One exam the learner works toward: the new-card pace, predicted recall on exam day and, in the final days, the pass. */
export function ExamSummaryPanel({ exam, headingLevel = 2 }: { exam: ExamSummary; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const headingId = `exam-${exam.deckId}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-4">
      <Heading id={headingId} className="text-lg font-semibold break-words">
        {exam.deckName}: exam on {formatExamDay(exam.examDay)}
      </Heading>
      <p className="text-sm text-muted">
        Target {percent(exam.targetRecall)} recall{exam.setBy === "teacher" ? ", set by your teacher" : ""}.
      </p>
      {exam.newPerDay !== null && (
        <p className="font-semibold">
          {exam.newPerDay} new a day to finish by {formatExamDay(exam.phase === "pacing" ? exam.finishDay : exam.examDay)}
        </p>
      )}
      <p>
        Predicted recall on exam day: <strong className={exam.reachesTarget ? "text-good" : "text-again"}>{percent(exam.predicted)}</strong>{" "}
        <span className="text-muted">at your pace ({percent(exam.ifStopped)} if you stop now)</span>
      </p>
      {exam.phase === "final" && exam.belowTarget > 0 && (
        <div className="flex flex-wrap items-center gap-3">
          <p>
            {exam.belowTarget} {exam.belowTarget === 1 ? "card is" : "cards are"} predicted below {percent(exam.targetRecall)} on exam day.
          </p>
          <Link
            href={`/study?deck=${encodeURIComponent(exam.deckId)}&pass=exam`}
            className="inline-flex min-h-11 items-center rounded-lg border-2 border-brand px-4 font-semibold text-brand"
          >
            Review them before the exam
          </Link>
        </div>
      )}
    </section>
  );
}
