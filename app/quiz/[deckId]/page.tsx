import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { loadQuizDeck } from "@/lib/study/quiz/data";
import { idSchema } from "@/lib/cards/schema";
import { QuizRunner } from "./_components/quiz-runner";

export const metadata: Metadata = { title: "Quiz" };

export default async function QuizPage({ params }: { params: Promise<{ deckId: string }> }) {
  const deckId = idSchema.safeParse((await params).deckId);
  if (!deckId.success) notFound();
  const user = await requireUser(`/quiz/${encodeURIComponent(deckId.data)}`);
  const quiz = await loadQuizDeck(getDb(), user.id, deckId.data);
  if (!quiz) notFound();
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-xl font-bold break-words">Quiz: {quiz.deck.name}</h1>
      <QuizRunner deckId={quiz.deck.id} questions={quiz.questions} />
    </section>
  );
}
