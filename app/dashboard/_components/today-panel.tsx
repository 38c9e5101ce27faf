import Link from "next/link";
import type { Streak } from "@/lib/progress/streak";
import type { TodayCounts } from "@/lib/srs/availability";
import type { TodaySummary } from "@/lib/progress/today";
import { formatDuration } from "./format";

function Stat({ label, value, detail }: { label: string; value: string | number; detail?: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-xl border border-line p-3">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-3xl font-bold tabular-nums">{value}</dd>
      {detail && <dd className="text-sm text-muted">{detail}</dd>}
    </div>
  );
}

function describeStreak(streak: Streak): string {
  if (streak.current === 0) return "Review a card to start one.";
  return streak.studiedToday ? "Today counts." : "Study today to keep it.";
}

/** Today's workload (counted as the Decks page and the study queue count it) and streak, with the way into a study session. */
export function TodayPanel({ today, work, streak, hasCards }: { today: TodaySummary; work: TodayCounts; streak: Streak; hasCards: boolean }) {
  const due = work.review + work.learning;
  return (
    <section aria-labelledby="today-heading" className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4">
      <h2 id="today-heading" className="text-xl font-semibold">
        Today
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Due today" value={due} detail={work.learning > 0 ? `${work.learning} of them learning` : undefined} />
        <Stat label="New left today" value={work.new} />
        <Stat label="Reviews today" value={today.reviewsToday} detail={today.reviewsToday > 0 ? formatDuration(today.timeTodayMs) : undefined} />
        <Stat label="Streak" value={`${streak.current} ${streak.current === 1 ? "day" : "days"}`} detail={describeStreak(streak)} />
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/study" className="inline-flex min-h-12 items-center rounded-lg bg-brand px-6 text-lg font-semibold text-brand-ink">
          Study now
        </Link>
        {hasCards ? (
          <p className="text-muted">{due + work.new > 0 ? `${due + work.new} cards waiting.` : "All done for now. Come back later or study ahead."}</p>
        ) : (
          <p>
            You have no cards yet.{" "}
            <Link href="/decks" className="font-semibold text-brand underline">
              Choose a deck to study
            </Link>
            .
          </p>
        )}
      </div>
    </section>
  );
}
