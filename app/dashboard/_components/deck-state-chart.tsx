import Link from "next/link";
import type { DeckMaturity } from "@/lib/progress/maturity";
import { ChartFigure } from "./chart-figure";
import { MATURITY_ORDER, MATURITY_STYLES } from "./maturity-colors";
import { StackedBar } from "./stacked-bar";

/** Each deck's cards split into new, learning, young (under 21 days) and mature, as stacked bars. */
export function DeckStateChart({ decks }: { decks: DeckMaturity[] }) {
  return (
    <ChartFigure
      title="Cards by state per deck"
      caption="Young cards are scheduled less than 21 days ahead; mature cards 21 days or more."
      table={{
        caption: "Cards by state per deck",
        columns: ["Deck", ...MATURITY_ORDER.map((stage) => MATURITY_STYLES[stage].label), "Total"],
        rows: decks.map((deck) => [deck.name, ...MATURITY_ORDER.map((stage) => deck.counts[stage]), deck.total]),
      }}
      empty={decks.length === 0 ? "No decks yet. Open a deck and start studying to see it here." : undefined}
      footer={<DeckLinks decks={decks} />}
    >
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {MATURITY_ORDER.map((stage) => (
          <li key={stage} className="flex items-center gap-1">
            <span className={`inline-block size-3 rounded-sm ${MATURITY_STYLES[stage].swatch}`} />
            {MATURITY_STYLES[stage].label}
          </li>
        ))}
      </ul>
      <ul className="flex flex-col gap-3">
        {decks.map((deck) => (
          <li key={deck.deckId} className="flex flex-col gap-1">
            <span className="text-sm break-words">
              {deck.name} <span className="text-muted">({deck.total} cards)</span>
            </span>
            <StackedBar segments={MATURITY_ORDER.map((stage) => ({ key: stage, value: deck.counts[stage], className: MATURITY_STYLES[stage].fill }))} />
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}

function DeckLinks({ decks }: { decks: DeckMaturity[] }) {
  return (
    <nav aria-label="Deck progress" className="mt-2">
      <ul className="flex flex-wrap gap-2 text-sm">
        {decks.map((deck) => (
          <li key={deck.deckId}>
            <Link
              href={`/dashboard/decks/${deck.deckId}`}
              className="inline-flex min-h-11 items-center rounded-lg border border-line px-3 underline-offset-2 hover:underline"
            >
              {deck.name}: details
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
