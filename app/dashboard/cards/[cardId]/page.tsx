import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { showPrompt } from "@/lib/cards/cloze";
import { describeCardMemory } from "@/lib/progress/card-memory";
import { findHiddenStatus } from "@/lib/progress/card-status";
import { loadCardProgress } from "@/lib/progress/data";
import { findUserSettings } from "@/lib/users/data";
import { describeCardState, formatDuration, formatInstant, formatPercent, formatStability, RATING_LABELS, STATE_LABELS } from "../../_components/format";
import { UnhideCardButton } from "../../_components/unhide-card-button";

export const metadata: Metadata = { title: "Card progress" };

const paramsSchema = z.object({ cardId: z.string().min(1).max(100) });

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl border border-line bg-surface p-3">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

export default async function CardProgressPage({ params }: { params: Promise<{ cardId: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { cardId } = parsed.data;
  const user = await requireUser(`/dashboard/cards/${encodeURIComponent(cardId)}`);
  const db = getDb();
  const [progress, settings] = await Promise.all([loadCardProgress(db, user.id, cardId), findUserSettings(db, user.id)]);
  if (!settings) redirect("/signin");
  if (!progress) notFound();
  const { card, state, reviews } = progress;
  const now = new Date();
  const memory = describeCardMemory(state, now, settings);
  const zone = settings.timeZone;
  const hidden = findHiddenStatus(state, now);

  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/dashboard/decks/${card.deck.id}`} className="text-brand underline">
          Back to {card.deck.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Card progress</h1>
      <section className="rounded-2xl border border-line bg-surface p-4">
        <p className="whitespace-pre-line text-lg break-words">{showPrompt(card)}</p>
        <p className="mt-2 font-semibold break-words">
          <span className="text-muted">Answer: </span>
          {card.answer}
        </p>
      </section>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Fact label="State" value={describeCardState(hidden, STATE_LABELS[state?.state ?? 0] ?? "New", zone)} />
        <Fact label="Recall probability now" value={memory.retrievability === null ? "Not studied yet" : formatPercent(memory.retrievability)} />
        <Fact label="Stability" value={memory.stability === null ? "—" : formatStability(memory.stability)} />
        <Fact label="Next due" value={memory.nextDue ? formatInstant(memory.nextDue, zone) : "—"} />
        <Fact label="Repetitions" value={String(state?.reps ?? 0)} />
        <Fact label="Lapses" value={String(state?.lapses ?? 0)} />
      </dl>
      {hidden && (
        <p className="flex flex-wrap items-center gap-3">
          {hidden.kind === "suspended"
            ? "This card is suspended: it stays out of study until you unsuspend it."
            : "This card is buried: it comes back when the next study day starts."}
          <UnhideCardButton cardId={card.id} action={hidden.kind === "suspended" ? "unsuspend" : "unbury"} cardName={showPrompt(card)} />
        </p>
      )}
      <section aria-labelledby="history-heading" className="flex flex-col gap-2">
        <h2 id="history-heading" className="text-xl font-semibold">
          Rating history
        </h2>
        {reviews.length === 0 ? (
          <p className="text-muted">You have not reviewed this card yet.</p>
        ) : (
          <ol className="flex flex-col gap-1">
            {reviews.map((review) => (
              <li key={review.id} className="flex flex-wrap gap-x-4 rounded-lg border border-line bg-surface px-3 py-2">
                <time dateTime={review.reviewedAt.toISOString()}>{formatInstant(review.reviewedAt, zone)}</time>
                <span className={`font-semibold ${["", "text-again", "text-hard", "text-good", "text-easy"][review.rating] ?? ""}`}>
                  {RATING_LABELS[review.rating] ?? review.rating}
                </span>
                <span className="text-muted">was {STATE_LABELS[review.state] ?? "?"}</span>
                {review.durationMs > 0 && <span className="text-muted">{formatDuration(review.durationMs)}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
