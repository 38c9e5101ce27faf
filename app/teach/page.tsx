import type { Metadata } from "next";
import Link from "next/link";
import { requireTeacher } from "@/lib/auth/session";
import { listTaughtClasses } from "@/lib/classes/data";
import { getDb } from "@/lib/db/client";
import { listOwnedDecks } from "@/lib/decks/data";
import { cardBox, primaryButton, secondaryButton } from "./_components/styles";
import { countOf } from "@/app/_components/count-of";

export const metadata: Metadata = { title: "Teach" };

export default async function TeachPage() {
  const teacher = await requireTeacher("/teach");
  const db = getDb();
  const [decks, classes] = await Promise.all([listOwnedDecks(db, teacher.id), listTaughtClasses(db, teacher.id)]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">Teach</h1>
        <Link href="/teach/decks/new" className={primaryButton}>
          New deck
        </Link>
        <Link href="/teach/classes/new" className={secondaryButton}>
          New class
        </Link>
        <Link href="/teach/generate" className={secondaryButton}>
          Generate cards
        </Link>
      </div>
      <section aria-labelledby="my-decks" className={cardBox}>
        <h2 id="my-decks" className="text-xl font-semibold">
          My decks
        </h2>
        {decks.length === 0 ? (
          <p className="text-muted">No decks yet. Create one, import a file, or generate cards from an article.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {decks.map((deck) => (
              <li key={deck.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-3">
                <Link href={`/teach/decks/${deck.id}`} className="flex min-h-11 items-center font-semibold text-brand underline-offset-2 hover:underline">
                  {deck.name}
                </Link>
                <span className="text-sm text-muted">
                  {countOf(deck._count.cards, "card")}
                  {deck.isPublic ? " · public" : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="my-classes" className={cardBox}>
        <h2 id="my-classes" className="text-xl font-semibold">
          My classes
        </h2>
        {classes.length === 0 ? (
          <p className="text-muted">No classes yet. Create one and share its join code with your students.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {classes.map((taught) => (
              <li key={taught.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-3">
                <Link href={`/teach/classes/${taught.id}`} className="flex min-h-11 items-center font-semibold text-brand underline-offset-2 hover:underline">
                  {taught.name}
                </Link>
                <span className="text-sm text-muted">
                  {taught._count.members} students · {taught._count.assignments} decks assigned · code <span className="font-mono">{taught.joinCode}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
