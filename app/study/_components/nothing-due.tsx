import Link from "next/link";

/** "Study all due" with nothing due: say so, and offer today's new cards rather than starting them unasked. */
export function NothingDue({ newCards }: { newCards: number }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-2xl border border-line bg-surface p-4">
      <p className="text-lg font-semibold">Nothing is due right now.</p>
      <p className="text-muted">
        {newCards} new {newCards === 1 ? "card is" : "cards are"} ready to learn today.
      </p>
      <div className="flex flex-wrap gap-2">
        <Link href="/study?new=1" className="flex min-h-12 items-center rounded-xl bg-brand px-5 font-semibold text-brand-ink">
          Learn {newCards} new {newCards === 1 ? "card" : "cards"}
        </Link>
        <Link href="/decks" className="flex min-h-12 items-center rounded-xl border-2 border-brand px-5 font-semibold text-brand">
          Back to decks
        </Link>
      </div>
    </div>
  );
}
