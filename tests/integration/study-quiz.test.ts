import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner, snapshotStudy } from "../support/study-fixtures";
import { loadQuizDeck } from "@/lib/study/quiz/data";
import { saveQuizAttempt } from "@/lib/study/quiz/mutations";
import type { ParsedQuizAttemptInput } from "@/lib/study/schema";

const db = await createTestDb();
const NOW = new Date("2026-03-02T09:00:00.000Z");

async function setUp() {
  const learner = await createLearner(db);
  const deck = await createDeck(db, learner.id, {
    cards: [
      { kind: "MCQ", prompt: "Host of the 2025 summit?", answer: "The Hague", choices: ["The Hague", "Vilnius", "Madrid"] },
      { kind: "TRUEFALSE", prompt: "Antalya is in Türkiye.", answer: "true" },
      { kind: "QA", prompt: "Not a quiz card", answer: "x" },
    ],
  });
  return { userId: learner.id, deck };
}

function attempt(deckId: string, cardIds: string[], record: boolean): ParsedQuizAttemptInput {
  return {
    attemptId: randomUUID(),
    deckId,
    durationMs: 45_000,
    record,
    answers: [
      { cardId: cardIds[0]!, face: 0, choice: "The Hague", reviewId: randomUUID(), answeredAt: new Date(NOW.getTime() - 60_000) },
      { cardId: cardIds[1]!, face: 0, choice: "False", reviewId: randomUUID(), answeredAt: new Date(NOW.getTime() - 30_000) },
    ],
  };
}

describe("quiz", () => {
  it("offers only multiple choice and true/false cards", async () => {
    const { userId, deck } = await setUp();
    const quiz = await loadQuizDeck(db, userId, deck.id);
    expect(quiz?.questions.map((question) => question.faces.map((face) => face.kind))).toEqual([["MCQ"], ["TRUEFALSE"]]);
    expect(await loadQuizDeck(db, (await createLearner(db)).id, deck.id)).toBeNull();
  });

  it("scores on the server and leaves the schedule untouched unless asked to record", async () => {
    const { userId, deck } = await setUp();
    const saved = await saveQuizAttempt(db, userId, attempt(deck.id, deck.cardIds, false), NOW);
    expect(saved).toMatchObject({ ok: true, data: { total: 2, correct: 1, recorded: false, results: [{ correct: true }, { correct: false }] } });
    expect(await snapshotStudy(db, userId)).toEqual({ states: [], logs: [] });
    expect(await db.quizAttempt.findMany({ where: { userId }, select: { total: true, correct: true, durationMs: true, recorded: true } })).toEqual([
      { total: 2, correct: 1, durationMs: 45_000, recorded: false },
    ]);
  });

  it("records each answer as Good or Again at the time it was answered, once even when the save is retried", async () => {
    const { userId, deck } = await setUp();
    const input = attempt(deck.id, deck.cardIds, true);
    expect((await saveQuizAttempt(db, userId, input, NOW)).ok).toBe(true);
    expect((await saveQuizAttempt(db, userId, input, NOW)).ok).toBe(true);
    const logs = await db.reviewLog.findMany({ where: { userId }, select: { cardId: true, rating: true, reviewedAt: true } });
    expect(logs).toHaveLength(2);
    expect(Object.fromEntries(logs.map((log) => [log.cardId, log.rating]))).toEqual({ [deck.cardIds[0]!]: 3, [deck.cardIds[1]!]: 1 });
    expect(Object.fromEntries(logs.map((log) => [log.cardId, log.reviewedAt]))).toEqual(
      Object.fromEntries(input.answers.map((answer) => [answer.cardId, answer.answeredAt])),
    );
    expect(await db.cardState.count({ where: { userId } })).toBe(2);
    expect(await db.quizAttempt.count({ where: { userId } })).toBe(1);
  });

  it("refuses cards from elsewhere, non-quiz cards and other people's decks", async () => {
    const { userId, deck } = await setUp();
    const withQa = attempt(deck.id, [deck.cardIds[0]!, deck.cardIds[2]!], true);
    expect(await saveQuizAttempt(db, userId, withQa, NOW)).toMatchObject({ ok: false, code: "invalid_input" });
    const stranger = await createLearner(db);
    expect(await saveQuizAttempt(db, stranger.id, attempt(deck.id, deck.cardIds, true), NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshotStudy(db, userId)).toEqual({ states: [], logs: [] });
    expect(await db.quizAttempt.count({ where: { deckId: deck.id } })).toBe(0);
  });
});
