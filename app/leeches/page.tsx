import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { showPrompt } from "@/lib/cards/cloze";
import { getDb } from "@/lib/db/client";
import { listLeeches } from "@/lib/leeches/data";

import { UnsuspendButton } from "./unsuspend-button";
import { loadStudySettings } from "@/lib/study/settings";

export const metadata: Metadata = { title: "Leeches" };

/** Cards the learner keeps forgetting: each says how often, and a suspended one can be put back. */
export default async function LeechesPage() {
  const user = await requireUser("/leeches");
  const db = getDb();
  const [leeches, settings] = await Promise.all([listLeeches(db, user.id), loadStudySettings(db, user.id)]);
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Leeches</h1>
      <p className="text-muted">
        A card becomes a leech after {settings.leechThreshold} lapses{settings.suspendLeeches ? " and is suspended" : ""}. Rewording it, or splitting it in two,
        usually helps more than more reviews.{" "}
        <Link href="/settings" className="text-brand underline">
          Change this in Settings
        </Link>
        .
      </p>
      {leeches.length === 0 ? (
        <p>No leeches. Nothing you keep forgetting.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-2xl border border-line bg-surface">
          {leeches.map((leech) => {
            const prompt = showPrompt(leech.card);
            return (
              <li key={leech.cardId} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center">
                <div className="flex min-w-0 flex-1 flex-col gap-1">
                  <p className="font-medium break-words">{prompt}</p>
                  <p className="text-sm text-muted">
                    {leech.card.deck.name} · forgotten {leech.lapses} times{leech.suspended ? " · suspended" : ""}
                  </p>
                </div>
                {leech.suspended && <UnsuspendButton cardId={leech.cardId} label={prompt} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
