import type { StudyCounts } from "@/lib/study/schema";

/** Remaining cards by kind, and how far through the session the learner is. */
export function SessionProgress({ counts, done }: { counts: StudyCounts; done: number }) {
  const total = done + counts.new + counts.learning + counts.review;
  return (
    <div className="flex flex-col gap-2">
      <dl className="flex gap-4 text-sm">
        <div className="flex gap-1">
          <dt className="text-muted">New</dt>
          <dd className="font-semibold text-easy">{counts.new}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-muted">Learning</dt>
          <dd className="font-semibold text-again">{counts.learning}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-muted">Review</dt>
          <dd className="font-semibold text-good">{counts.review}</dd>
        </div>
      </dl>
      <div
        role="progressbar"
        aria-label="Session progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} cards`}
        className="h-2 overflow-hidden rounded-full bg-line"
      >
        <div className="h-full bg-brand transition-[width]" style={{ width: `${total === 0 ? 100 : (done / total) * 100}%` }} />
      </div>
    </div>
  );
}
