import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db/availability";
import { getDb } from "@/lib/db/client";
import { ExamSummaryPanel } from "@/app/_components/exam-summary";
import { findOwnDeckExam, loadExamSummaries } from "@/lib/exams/data";
import { findStudiableDeck } from "@/lib/study/access";
import { loadStudyQueue } from "@/lib/study/queue/data";
import { loadExamPassQueue } from "@/lib/study/queue/exam-pass";
import { studyPageQuerySchema, type StudyPageQuery } from "@/lib/study/schema";
import { KeysHint } from "./_components/keys-hint";
import { NothingDue } from "./_components/nothing-due";
import { OwnExamForm } from "./_components/own-exam-form";
import { StudyOutage } from "./_components/study-outage";
import { StudySession } from "./_components/study-session";
import { loadStudySettings } from "@/lib/study/settings";

export const metadata: Metadata = { title: "Study" };

/**
 * /study?deck=ID studies one deck; /study alone studies everything due, with today's new cards mixed in, but
 * when nothing is due it says so and starts new cards only if asked (`new=1`); `pass=exam` is an exam's
 * final-days pass.
 */
export default async function StudyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const query = studyPageQuerySchema.safeParse({ deck: params.deck, pass: params.pass, new: params.new });
  if (!query.success) notFound();
  const deckId = query.data.deck ?? null;
  try {
    return await renderStudy(deckId, query.data);
  } catch (error) {
    // Between the proxy's looks at the database (every 2 s) a page can still meet an outage: say so, and offer
    // this device's copy instead of an error page.
    if (isDatabaseUnavailable(error)) return <StudyOutage deckId={deckId} />;
    throw error;
  }
}

/** The study screen from the server; a database that fails under it throws to StudyPage. */
async function renderStudy(deckId: string | null, query: StudyPageQuery) {
  const user = await requireUser(deckId ? `/study?deck=${encodeURIComponent(deckId)}` : "/study");
  const db = getDb();
  const deck = deckId ? await findStudiableDeck(db, user.id, deckId) : null;
  if (deckId && !deck) notFound();
  const now = new Date();
  const pass = deck && query.pass ? await loadExamPassQueue(db, user.id, deck.id, now) : null;
  if (query.pass && !pass) notFound();
  const [queue, exams, ownExam] = await Promise.all([
    pass ?? loadStudyQueue(db, user.id, { deckId: deck?.id, now }),
    deck && !pass ? loadStudySettings(db, user.id).then((settings) => loadExamSummaries(db, user.id, settings, now, deck.id)) : [],
    deck && !pass ? findOwnDeckExam(db, user.id, deck.id) : null,
  ]);
  const onlyNew = queue.counts.review + queue.counts.learning === 0 && queue.counts.new > 0;
  const title = `${deck ? deck.name : "All due cards"}${pass ? ": the pass before the exam" : ""}`;
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-3">
      {exams.map((exam) => (
        <ExamSummaryPanel key={exam.deckId} exam={exam} />
      ))}
      {!deck && onlyNew && !query.new ? (
        <>
          <h1 className="text-lg font-bold">{title}</h1>
          <NothingDue newCards={queue.counts.new} />
        </>
      ) : (
        <StudySession title={title} initial={queue} deckId={deck?.id ?? null} userId={user.id} />
      )}
      <KeysHint />
      {deck && ownExam && <OwnExamForm deckId={deck.id} exam={ownExam} />}
    </section>
  );
}
