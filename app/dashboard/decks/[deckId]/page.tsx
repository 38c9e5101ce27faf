import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { showPrompt } from "@/lib/cards/cloze";
import { getDb } from "@/lib/db/client";
import { averageRetrievability, describeCardMemory } from "@/lib/progress/card-memory";
import { findHiddenStatus } from "@/lib/progress/card-status";
import { loadDeckProgress } from "@/lib/progress/data";
import { classifyMaturity } from "@/lib/progress/maturity";
import { findUserSettings } from "@/lib/users/data";
import { ScrollingTable } from "@/app/_components/scrolling-table";
import { describeCardState, formatInstant, formatPercent, formatStability } from "../../_components/format";
import { MATURITY_ORDER, MATURITY_STYLES } from "../../_components/maturity-colors";
import { UnhideCardButton } from "../../_components/unhide-card-button";

export const metadata: Metadata = { title: "Deck progress" };

const paramsSchema = z.object({ deckId: z.string().min(1).max(100) });
// A page number or search that makes no sense shows the first page of everything rather than an error.
const viewSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  q: z.string().max(200).catch("").default(""),
});

function pageHref(deckId: string, page: number, search: string): string {
  const query = new URLSearchParams({ ...(search ? { q: search } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString();
  return `/dashboard/decks/${encodeURIComponent(deckId)}${query ? `?${query}` : ""}`;
}

export default async function DeckProgressPage({
  params,
  searchParams,
}: {
  params: Promise<{ deckId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { deckId } = parsed.data;
  const view = viewSchema.parse(await searchParams);
  const user = await requireUser(`/dashboard/decks/${encodeURIComponent(deckId)}`);
  const db = getDb();
  const now = new Date();
  const [progress, settings] = await Promise.all([
    loadDeckProgress(db, user.id, deckId, { page: view.page, search: view.q, now }),
    findUserSettings(db, user.id),
  ]);
  if (!settings) redirect("/signin");
  // Decks the learner may not see look exactly like decks that do not exist.
  if (!progress) notFound();
  const zone = settings.timeZone;
  const states = new Map(progress.states.map((state) => [state.cardId, state]));
  const maturity = progress.states.map((state) => classifyMaturity(state));
  const countOf = (stage: (typeof MATURITY_ORDER)[number]) =>
    stage === "new" ? progress.cardCount - maturity.filter((entry) => entry !== "new").length : maturity.filter((entry) => entry === stage).length;
  const rows = progress.page.cards.map((card) => {
    const state = states.get(card.id) ?? null;
    const hidden = findHiddenStatus(state, now);
    return {
      card,
      name: showPrompt(card),
      hidden,
      label: describeCardState(hidden, MATURITY_STYLES[classifyMaturity(state ?? undefined)].label, zone),
      memory: describeCardMemory(state, now, settings),
    };
  });
  const average = averageRetrievability(progress.states, now, settings);
  const { number, pages, matches } = progress.page;
  const suspended = progress.hidden.filter((card) => card.suspended);
  const buried = progress.hidden.filter((card) => !card.suspended);

  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/dashboard" className="text-brand underline">
          Back to dashboard
        </Link>
      </p>
      <h1 className="text-2xl font-bold break-words">{progress.deck.name}</h1>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {MATURITY_ORDER.map((stage) => (
          <div key={stage} className="rounded-xl border border-line bg-surface p-3">
            <dt className="text-sm text-muted">{MATURITY_STYLES[stage].label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{countOf(stage)}</dd>
          </div>
        ))}
        <div className="rounded-xl border border-line bg-surface p-3">
          <dt className="text-sm text-muted">Average recall now</dt>
          <dd className="text-2xl font-bold tabular-nums">{average === null ? "—" : formatPercent(average)}</dd>
        </div>
        <div className="rounded-xl border border-line bg-surface p-3">
          <dt className="text-sm text-muted">Reviews</dt>
          <dd className="text-2xl font-bold tabular-nums">{progress.reviewCount}</dd>
        </div>
      </dl>
      {progress.hidden.length > 0 && (
        <section id="hidden-cards" aria-labelledby="suspended-heading" className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4">
          <h2 id="suspended-heading" className="text-xl font-semibold">
            Suspended cards
          </h2>
          {suspended.length === 0 ? <p className="text-muted">None.</p> : <HiddenList cards={suspended} action="unsuspend" />}
          {buried.length > 0 && (
            <>
              <h3 className="text-lg font-semibold">Buried cards</h3>
              <HiddenList cards={buried} action="unbury" timeZone={zone} />
            </>
          )}
        </section>
      )}
      <section aria-labelledby="cards-heading" className="flex flex-col gap-3">
        <h2 id="cards-heading" className="text-xl font-semibold">
          Cards
        </h2>
        <form role="search" action={pageHref(deckId, 1, "")} className="flex gap-2">
          <label htmlFor="card-search" className="sr-only">
            Search cards
          </label>
          <input
            id="card-search"
            name="q"
            type="search"
            defaultValue={view.q}
            placeholder="Search cards"
            className="min-h-11 min-w-0 flex-1 rounded-lg border border-line bg-surface px-3 text-base text-ink"
          />
          <button type="submit" className="min-h-11 rounded-lg border-2 border-brand px-4 font-semibold text-brand">
            Search
          </button>
        </form>
        <p role="status" className="text-sm text-muted">
          {matches === 0
            ? view.q
              ? `No cards match "${view.q}".`
              : "This deck has no cards yet."
            : `${matches} ${matches === 1 ? "card" : "cards"}${view.q ? ` ${matches === 1 ? "matches" : "match"} "${view.q}"` : ""}; page ${number} of ${pages}.`}
        </p>
        {rows.length > 0 && (
          <ScrollingTable id="cards-table" title={`Your memory of each card, page ${number} of ${pages}`} tableClassName="min-w-[40rem]">
            <thead className="border-b border-line text-muted">
              <tr>
                <th scope="col" className="p-3">
                  Card
                </th>
                <th scope="col" className="p-3">
                  State
                </th>
                <th scope="col" className="p-3">
                  Recall now
                </th>
                <th scope="col" className="p-3">
                  Stability
                </th>
                <th scope="col" className="p-3">
                  Next due
                </th>
                <th scope="col" className="p-3">
                  Reviews
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ card, name, hidden, label, memory }) => (
                <tr key={card.id} className="border-b border-line last:border-0">
                  <th scope="row" className="w-48 min-w-48 p-3 font-normal">
                    <Link href={`/dashboard/cards/${card.id}`} className="line-clamp-2 text-brand underline break-words">
                      {name}
                    </Link>
                  </th>
                  <td className="p-3">
                    <span className="flex flex-col items-start gap-1">
                      {label}
                      {hidden && <UnhideCardButton cardId={card.id} action={hidden.kind === "suspended" ? "unsuspend" : "unbury"} cardName={name} />}
                    </span>
                  </td>
                  <td className="p-3 tabular-nums">{memory.retrievability === null ? "—" : formatPercent(memory.retrievability)}</td>
                  <td className="p-3 tabular-nums">{memory.stability === null ? "—" : formatStability(memory.stability)}</td>
                  <td className="p-3">{memory.nextDue ? formatInstant(memory.nextDue, zone) : "—"}</td>
                  <td className="p-3 tabular-nums">{card.reviews}</td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        )}
        {pages > 1 && (
          <nav aria-label="Pages of cards" className="flex items-center justify-between gap-2">
            {number > 1 ? (
              <Link href={pageHref(deckId, number - 1, view.q)} className="flex min-h-11 items-center rounded-lg border border-line px-4 font-medium">
                Previous page
              </Link>
            ) : (
              <span />
            )}
            <span className="text-sm text-muted">
              Page {number} of {pages}
            </span>
            {number < pages ? (
              <Link href={pageHref(deckId, number + 1, view.q)} className="flex min-h-11 items-center rounded-lg border border-line px-4 font-medium">
                Next page
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </section>
    </div>
  );
}

function HiddenList({
  cards,
  action,
  timeZone,
}: {
  cards: { id: string; kind: string; prompt: string; buriedUntil: Date | null }[];
  action: "unsuspend" | "unbury";
  timeZone?: string;
}) {
  return (
    <ul className="flex flex-col divide-y divide-line">
      {cards.map((card) => (
        <li key={card.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span className="min-w-0 flex-1 break-words">
            <Link href={`/dashboard/cards/${card.id}`} className="text-brand underline">
              {showPrompt(card)}
            </Link>
            {timeZone && card.buriedUntil && <span className="block text-sm text-muted">Buried until {formatInstant(card.buriedUntil, timeZone)}</span>}
          </span>
          <UnhideCardButton cardId={card.id} action={action} cardName={showPrompt(card)} />
        </li>
      ))}
    </ul>
  );
}
