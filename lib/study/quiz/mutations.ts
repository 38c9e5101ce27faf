import "server-only";
import type { Db } from "@/lib/db/client";
import { isCorrectChoice } from "@/lib/cards/choices";
import { quizFacesOf } from "@/lib/cards/quiz-faces";
import { type ActionResult, fail, ok } from "@/lib/errors";
import { findStudiableDeck } from "../access";
import { recordReview } from "../reviews/mutations";
import type { ParsedQuizAttemptInput, ParsedReviewInput } from "../schema";

export type QuizOutcome = { attemptId: string; total: number; correct: number; recorded: boolean; results: { cardId: string; correct: boolean }[] };

/**
 * Scores a finished quiz on the server (the client's own scoring is only for display) and saves a QuizAttempt.
 * The schedule is untouched unless `record` is set; then each answer goes through recordReview as Good or Again.
 * The attempt is parsed already (quizAttemptInputSchema, by POST /api/quiz/attempts).
 */
export async function saveQuizAttempt(db: Db, userId: string, input: ParsedQuizAttemptInput, now: Date): Promise<ActionResult<QuizOutcome>> {
  const { attemptId, deckId, answers, record, durationMs } = input;
  if (!(await findStudiableDeck(db, userId, deckId))) return fail("not_found", "That deck is not in your decks.");
  const cards = await db.card.findMany({
    where: { id: { in: answers.map((answer) => answer.cardId) }, deckId },
    select: { id: true, kind: true, prompt: true, answer: true, choices: true, faces: true },
  });
  const byId = new Map(cards.map((card) => [card.id, card]));
  const askedFaces = answers.map((answer) => {
    const card = byId.get(answer.cardId);
    return card ? quizFacesOf(card)[answer.face] : undefined;
  });
  if (askedFaces.some((face) => face === undefined)) return fail("invalid_input", "Some answers are not questions from this deck.");
  const results = answers.map((answer, index) => ({ cardId: answer.cardId, correct: isCorrectChoice(askedFaces[index]!, answer.choice) }));
  const correct = results.filter((result) => result.correct).length;

  if (record) {
    const lastReviews = new Map(
      (await db.cardState.findMany({ where: { userId, cardId: { in: [...byId.keys()] } }, select: { cardId: true, lastReview: true } })).map((row) => [
        row.cardId,
        row.lastReview,
      ]),
    );
    // Sequential, in answer order, so each card's review time and state build on the one before.
    for (const [index, answer] of answers.entries()) {
      const review: ParsedReviewInput = {
        reviewId: answer.reviewId,
        cardId: answer.cardId,
        rating: results[index]!.correct ? 3 : 1,
        reviewedAt: answer.answeredAt,
        durationMs: 0,
        expectedLastReview: lastReviews.get(answer.cardId) ?? null,
      };
      const graded = await recordReview(db, userId, review, now);
      if (!graded.ok) return graded;
    }
  }
  // Saved last and keyed by the client's id: a retry after a partial failure re-applies only what is missing.
  const attempt = await db.quizAttempt.upsert({
    where: { id: attemptId },
    create: { id: attemptId, userId, deckId, total: answers.length, correct, durationMs, recorded: record },
    update: {},
    select: { userId: true },
  });
  if (attempt.userId !== userId) return fail("invalid_input", "This quiz id was already used.");
  return ok({ attemptId, total: answers.length, correct, recorded: record, results });
}
