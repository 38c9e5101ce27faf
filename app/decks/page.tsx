import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listJoinedClasses } from "@/lib/classes/data";
import { getDb } from "@/lib/db/client";
import { ExamSummaryPanel } from "@/app/_components/exam-summary";
import { loadExamSummaries } from "@/lib/exams/data";
import { loadStudySettings } from "@/lib/study/data";
import { listStudyDecks } from "@/lib/study/deck-list";

export const metadata: Metadata = { title: "Decks" };

export default async function DecksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/decks");
  const db = getDb();
  const now = new Date();
  const [decks, classes, exams, { joined }] = await Promise.all([
    listStudyDecks(db, user.id, now),
    listJoinedClasses(db, user.id),
    loadStudySettings(db, user.id).then((settings) => loadExamSummaries(db, user.id, settings, now)),
    searchParams,
  ]);
  return (
    <section className="flex flex-col gap-4">
      {joined === "1" && classes.length > 0 && (
        <p role="status" className="rounded-lg border border-good p-3 font-medium">Welcome! You are in your class; its assigned decks are below.</p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Decks</h1>
        <Link href="/study" className="flex min-h-12 items-center rounded-xl bg-brand px-5 font-semibold text-brand-ink">
          Study all due
        </Link>
      </div>
      {exams.map((exam) => <ExamSummaryPanel key={exam.deckId} exam={exam} />)}
      {decks.length === 0 ? (
        <p className="text-muted">No decks yet. Join a class or ask your teacher to share one.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {decks.map((deck) => (
            <li key={deck.id} className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4 sm:flex-row sm:items-center">
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <h2 className="text-lg font-semibold break-words">{deck.name}</h2>
                {deck.description && <p className="text-sm text-muted break-words">{deck.description}</p>}
                <p className="text-sm">
                  <span className="font-semibold text-good">{deck.due} due</span>
                  {" · "}
                  <span className="font-semibold text-easy">{deck.newAvailable} new</span>
                  {" · "}
                  <span className="text-muted">{deck.cards} cards</span>
                </p>
              </div>
              <div className="grid grid-cols-2 gap-2 sm:flex">
                <Link href={`/study?deck=${encodeURIComponent(deck.id)}`} className="flex min-h-12 items-center justify-center rounded-xl bg-brand px-5 font-semibold text-brand-ink">
                  Study<span className="sr-only"> {deck.name}</span>
                </Link>
                <Link href={`/quiz/${encodeURIComponent(deck.id)}`} className="flex min-h-12 items-center justify-center rounded-xl border-2 border-brand px-5 font-semibold text-brand">
                  Quiz<span className="sr-only"> {deck.name}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      {classes.length > 0 && (
        <section aria-labelledby="classes-heading" className="flex flex-col gap-2">
          <h2 id="classes-heading" className="text-xl font-semibold">Your classes</h2>
          <ul className="flex flex-col gap-1">
            {classes.map((joinedClass) => (
              <li key={joinedClass.id} className="break-words">
                <span className="font-medium">{joinedClass.name}</span>
                <span className="text-sm text-muted"> · {joinedClass.assignments.length} assigned {joinedClass.assignments.length === 1 ? "deck" : "decks"}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
