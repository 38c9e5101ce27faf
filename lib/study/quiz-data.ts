import "server-only";
import type { Db } from "@/lib/db/client";
import { findStudiableDeck } from "./access";
import type { QuizQuestion } from "./schema";

// Enough for a varied 30-question quiz from a large deck without shipping the whole deck to the phone.
const QUESTION_POOL_LIMIT = 300;

/** The deck and its tappable (multiple choice and true/false) cards, or null when the learner may not study it. */
export async function loadQuizDeck(db: Db, userId: string, deckId: string): Promise<{ deck: { id: string; name: string }; questions: QuizQuestion[] } | null> {
  const deck = await findStudiableDeck(db, userId, deckId);
  if (!deck) return null;
  const cards = await db.card.findMany({
    where: { deckId, kind: { in: ["MCQ", "TRUEFALSE"] } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    take: QUESTION_POOL_LIMIT,
    select: { id: true, kind: true, prompt: true, answer: true, choices: true, explanation: true, sourceDocument: true },
  });
  return { deck, questions: cards.map((card) => ({ ...card, kind: card.kind as QuizQuestion["kind"] })) };
}
