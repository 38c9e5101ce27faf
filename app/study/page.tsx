import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { ExamSummaryPanel } from "@/app/_components/exam-summary";
import { findOwnDeckExam, loadExamSummaries } from "@/lib/exams/data";
import { findStudiableDeck } from "@/lib/study/access";
import { loadStudyQueue, loadStudySettings } from "@/lib/study/data";
import { loadExamPassQueue } from "@/lib/study/exam-pass";
import { studyPageQuerySchema } from "@/lib/study/schema";
import { KeysHint } from "./_components/keys-hint";
import { OwnExamForm } from "./_components/own-exam-form";
import { StudySession } from "./_components/study-session";

export const metadata: Metadata = { title: "Study" };

/** /study?deck=ID studies one deck; /study alone studies everything due; &pass=exam is the exam's final-days pass. */
export default async function StudyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const query = studyPageQuerySchema.safeParse({ deck: params.deck, pass: params.pass });
  if (!query.success) notFound();
  const deckId = query.data.deck ?? null;
  const user = await requireUser(deckId ? `/study?deck=${encodeURIComponent(deckId)}` : "/study");
  const db = getDb();
  const deck = deckId ? await findStudiableDeck(db, user.id, deckId) : null;
  if (deckId && !deck) notFound();
  const now = new Date();
  const pass = deck && query.data.pass ? await loadExamPassQueue(db, user.id, deck.id, now) : null;
  if (query.data.pass && !pass) notFound();
  const [queue, exams, ownExam] = await Promise.all([
    pass ?? loadStudyQueue(db, user.id, { deckId: deck?.id, now }),
    deck && !pass ? loadStudySettings(db, user.id).then((settings) => loadExamSummaries(db, user.id, settings, now, deck.id)) : [],
    deck && !pass ? findOwnDeckExam(db, user.id, deck.id) : null,
  ]);
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-xl font-bold break-words">{deck ? deck.name : "All due cards"}{pass && ": the pass before the exam"}</h1>
      {exams.map((exam) => <ExamSummaryPanel key={exam.deckId} exam={exam} />)}
      <StudySession initial={queue} deckId={deck?.id ?? null} userId={user.id} />
      <KeysHint />
      {deck && ownExam && <OwnExamForm deckId={deck.id} exam={ownExam} />}
    </section>
  );
}
