import "server-only";
import type { Db } from "@/lib/db/client";
import { quizFacesOf } from "@/lib/cards/quiz-faces";
import { findStudiableDeck } from "../access";
import type { QuizCard } from "../schema";

// Enough for a varied 30-question quiz from a large deck without shipping the whole deck to the phone.
const QUESTION_POOL_LIMIT = 300;

/**
 * The deck and its cards that can be asked by tapping, each with every tappable face (a fact card's multiple
 * choice and true/false forms), or null when the learner may not study it.
 */
export async function loadQuizDeck(db: Db, userId: string, deckId: string): Promise<{ deck: { id: string; name: string }; questions: QuizCard[] } | null> {
  const deck = await findStudiableDeck(db, userId, deckId);
  if (!deck) return null;
  const cards = await db.card.findMany({
    where: { deckId, OR: [{ kind: { in: ["MCQ", "TRUEFALSE"] } }, { factId: { not: null } }] },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    take: QUESTION_POOL_LIMIT,
    select: { id: true, kind: true, prompt: true, answer: true, choices: true, faces: true, explanation: true, sourceDocument: true },
  });
  const questions = cards.map((card) => ({ id: card.id, explanation: card.explanation, sourceDocument: card.sourceDocument, faces: quizFacesOf(card) }));
  return { deck, questions: questions.filter((question) => question.faces.length > 0) };
}
