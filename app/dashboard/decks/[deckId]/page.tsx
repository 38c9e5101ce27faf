import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { averageRetrievability, describeCardMemory } from "@/lib/progress/card-memory";
import { loadDeckProgress } from "@/lib/progress/data";
import { classifyMaturity } from "@/lib/progress/maturity";
import { findUserSettings } from "@/lib/users/data";
import { formatInstant, formatPercent, formatStability } from "../../_components/format";
import { MATURITY_ORDER, MATURITY_STYLES } from "../../_components/maturity-colors";

export const metadata: Metadata = { title: "Deck progress" };

const paramsSchema = z.object({ deckId: z.string().min(1).max(100) });

export default async function DeckProgressPage({ params }: { params: Promise<{ deckId: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { deckId } = parsed.data;
  const user = await requireUser(`/dashboard/decks/${encodeURIComponent(deckId)}`);
  const db = getDb();
  const [progress, settings] = await Promise.all([loadDeckProgress(db, user.id, deckId), findUserSettings(db, user.id)]);
  if (!settings) redirect("/signin");
  // Decks the learner may not see look exactly like decks that do not exist.
  if (!progress) notFound();
  const now = new Date();
  const states = new Map(progress.states.map((state) => [state.cardId, state]));
  const reviewCounts = new Map<string, number>();
  for (const review of progress.reviews) reviewCounts.set(review.cardId, (reviewCounts.get(review.cardId) ?? 0) + 1);
  const rows = progress.deck.cards.map((card) => {
    const state = states.get(card.id) ?? null;
    return { card, maturity: classifyMaturity(state ?? undefined), memory: describeCardMemory(state, now, settings), reviews: reviewCounts.get(card.id) ?? 0 };
  });
  const average = averageRetrievability(progress.states, now, settings);

  return (
    <div className="flex flex-col gap-6">
      <p><Link href="/dashboard" className="text-brand underline">Back to dashboard</Link></p>
      <h1 className="text-2xl font-bold break-words">{progress.deck.name}</h1>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {MATURITY_ORDER.map((stage) => (
          <div key={stage} className="rounded-xl border border-line bg-surface p-3">
            <dt className="text-sm text-muted">{MATURITY_STYLES[stage].label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{rows.filter((row) => row.maturity === stage).length}</dd>
          </div>
        ))}
        <div className="rounded-xl border border-line bg-surface p-3">
          <dt className="text-sm text-muted">Average recall now</dt>
          <dd className="text-2xl font-bold tabular-nums">{average === null ? "—" : formatPercent(average)}</dd>
        </div>
        <div className="rounded-xl border border-line bg-surface p-3">
          <dt className="text-sm text-muted">Reviews</dt>
          <dd className="text-2xl font-bold tabular-nums">{progress.reviews.length}</dd>
        </div>
      </dl>
      {rows.length === 0 ? (
        <p className="text-muted">This deck has no cards yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-line bg-surface">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your memory of each card in {progress.deck.name}</caption>
            <thead className="border-b border-line text-muted">
              <tr>
                <th scope="col" className="p-3">Card</th>
                <th scope="col" className="p-3">State</th>
                <th scope="col" className="p-3">Recall now</th>
                <th scope="col" className="p-3">Stability</th>
                <th scope="col" className="p-3">Next due</th>
                <th scope="col" className="p-3">Reviews</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ card, maturity, memory, reviews }) => (
                <tr key={card.id} className="border-b border-line last:border-0">
                  <th scope="row" className="max-w-xs p-3 font-normal">
                    <Link href={`/dashboard/cards/${card.id}`} className="line-clamp-2 text-brand underline break-words">{card.prompt}</Link>
                  </th>
                  <td className="p-3">{MATURITY_STYLES[maturity].label}</td>
                  <td className="p-3 tabular-nums">{memory.retrievability === null ? "—" : formatPercent(memory.retrievability)}</td>
                  <td className="p-3 tabular-nums">{memory.stability === null ? "—" : formatStability(memory.stability)}</td>
                  <td className="p-3">{memory.nextDue ? formatInstant(memory.nextDue, settings.timeZone) : "—"}</td>
                  <td className="p-3 tabular-nums">{reviews}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
