import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listJoinedClasses } from "@/lib/classes/data";
import { getDb } from "@/lib/db/client";
import { ExamSummaryPanel } from "@/app/_components/exam-summary";
import { loadExamSummaries } from "@/lib/exams/data";

import { listStudyDecks } from "@/lib/study/queue/deck-list";
import { JoinClassLink } from "../_components/join-class-link";
import { countOf } from "@/app/_components/count-of";
import { loadStudySettings } from "@/lib/study/settings";

export const metadata: Metadata = { title: "Decks" };

export default async function DecksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/decks");
  const db = getDb();
  const now = new Date();
  const [{ decks, today }, classes, exams, { joined }] = await Promise.all([
    listStudyDecks(db, user.id, now),
    listJoinedClasses(db, user.id),
    loadStudySettings(db, user.id).then((settings) => loadExamSummaries(db, user.id, settings, now)),
    searchParams,
  ]);
  const dueToday = today.review + today.learning;
  return (
    <section className="flex flex-col gap-4">
      {joined === "1" && classes.length > 0 && (
        <p role="status" className="rounded-lg border border-good p-3 font-medium">
          Welcome! You are in your class; its assigned decks are below.
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Decks</h1>
        <Link href="/study" className="flex min-h-12 items-center rounded-xl bg-brand px-5 font-semibold text-brand-ink">
          Study all due ({dueToday})
        </Link>
      </div>
      {exams.map((exam) => (
        <ExamSummaryPanel key={exam.deckId} exam={exam} />
      ))}
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
                  <span className="text-muted">{countOf(deck.cards, "card")}</span>
                  {deck.learning > 0 && <span className="text-muted"> · {deck.learning} of the due learning</span>}
                </p>
                {deck.suspended + deck.buried > 0 && (
                  <p className="text-sm">
                    <Link href={`/dashboard/decks/${encodeURIComponent(deck.id)}#hidden-cards`} className="text-brand underline">
                      {[deck.suspended > 0 && `${deck.suspended} suspended`, deck.buried > 0 && `${deck.buried} buried`].filter(Boolean).join(", ")}
                      <span className="sr-only"> in {deck.name}</span>
                    </Link>
                  </p>
                )}
              </div>
              <div className="grid grid-cols-2 gap-2 sm:flex">
                <Link
                  href={`/study?deck=${encodeURIComponent(deck.id)}`}
                  className="flex min-h-12 items-center justify-center rounded-xl bg-brand px-5 font-semibold text-brand-ink"
                >
                  Study<span className="sr-only"> {deck.name}</span>
                </Link>
                <Link
                  href={`/quiz/${encodeURIComponent(deck.id)}`}
                  className="flex min-h-12 items-center justify-center rounded-xl border-2 border-brand px-5 font-semibold text-brand"
                >
                  Quiz<span className="sr-only"> {deck.name}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="classes-heading" className="flex flex-col gap-2">
        <h2 id="classes-heading" className="text-xl font-semibold">
          Your classes
        </h2>
        {classes.length === 0 ? (
          <p className="text-muted">You are not in a class yet. Your teacher gives you a join code or link.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {classes.map((joinedClass) => (
              <li key={joinedClass.id} className="break-words">
                <span className="font-medium">{joinedClass.name}</span>
                <span className="text-sm text-muted">
                  {" "}
                  · {joinedClass.assignments.length} assigned {joinedClass.assignments.length === 1 ? "deck" : "decks"}
                </span>
              </li>
            ))}
          </ul>
        )}
        <JoinClassLink />
      </section>
    </section>
  );
}
