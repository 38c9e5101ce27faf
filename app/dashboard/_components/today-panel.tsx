import Link from "next/link";
import type { Streak } from "@/lib/progress/streak";
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

/** Today's workload and streak, with the way into a study session. */
export function TodayPanel({ today, streak, hasCards }: { today: TodaySummary; streak: Streak; hasCards: boolean }) {
  const work = today.dueNow + today.newLeft;
  return (
    <section aria-labelledby="today-heading" className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4">
      <h2 id="today-heading" className="text-xl font-semibold">Today</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Due now" value={today.dueNow} detail={today.dueLaterToday > 0 ? `${today.dueLaterToday} more later today` : undefined} />
        <Stat label="New left today" value={today.newLeft} />
        <Stat label="Reviews today" value={today.reviewsToday} detail={today.reviewsToday > 0 ? formatDuration(today.timeTodayMs) : undefined} />
        <Stat label="Streak" value={`${streak.current} ${streak.current === 1 ? "day" : "days"}`} detail={describeStreak(streak)} />
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/study" className="inline-flex min-h-12 items-center rounded-lg bg-brand px-6 text-lg font-semibold text-brand-ink">
          Study now
        </Link>
        {hasCards ? (
          <p className="text-muted">{work > 0 ? `${work} cards waiting.` : "All done for now. Come back later or study ahead."}</p>
        ) : (
          <p>
            You have no cards yet.{" "}
            <Link href="/decks" className="font-semibold text-brand underline">Choose a deck to study</Link>.
          </p>
        )}
      </div>
    </section>
  );
}
