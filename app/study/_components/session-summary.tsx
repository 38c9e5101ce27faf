import Link from "next/link";

export type SessionStats = { reviewed: number; correct: number; durationMs: number; nextDue: string | null };

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
}

/** The end of a session: what was done, and when to come back. */
export function SessionSummary({ stats, timeZone }: { stats: SessionStats; timeZone: string }) {
  const nextDue = stats.nextDue
    ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(stats.nextDue))
    : "Nothing scheduled";
  return (
    <section aria-labelledby="summary-heading" className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4 sm:p-6">
      <h2 id="summary-heading" className="text-2xl font-bold">
        {stats.reviewed > 0 ? "Session complete" : "Nothing to study right now"}
      </h2>
      <dl className="grid grid-cols-2 gap-3 text-base">
        <dt className="text-muted">Cards reviewed</dt>
        <dd className="font-semibold">{stats.reviewed}</dd>
        <dt className="text-muted">Accuracy</dt>
        <dd className="font-semibold">{stats.reviewed > 0 ? `${Math.round((stats.correct / stats.reviewed) * 100)}%` : "–"}</dd>
        <dt className="text-muted">Time</dt>
        <dd className="font-semibold">{formatDuration(stats.durationMs)}</dd>
        <dt className="text-muted">Next due</dt>
        <dd className="font-semibold">{nextDue}</dd>
      </dl>
      <Link href="/decks" className="flex min-h-12 items-center justify-center rounded-xl bg-brand px-4 font-semibold text-brand-ink">
        Back to decks
      </Link>
    </section>
  );
}
