import "server-only";
import type { Db } from "@/lib/db/client";
import { forecastLearner, summarizeClassForecast, type ClassForecast } from "@/lib/exams/forecast";
import { timestampToDay } from "@/lib/exams/schema";
import type { StoredCardState } from "@/lib/srs/card-state";
import { studySettingsSchema } from "@/lib/srs/settings";
import { FSRS_STATE_SELECT, pickFsrsState } from "@/lib/study/reviews/state-row";
import { USER_SETTINGS_SELECT } from "@/lib/users/data";

// A week of study days plus the slack of any time zone's day start.
const PACE_WINDOW_MS = 8 * 86_400_000;

type ExamAssignment = { id: string; deckId: string; deckName: string; examDate: Date; targetRecall: number; finishDaysBefore: number };

/**
 * For each assignment with an exam date, each student's predicted recall on exam day (in their own time zone,
 * with their own FSRS parameters and pace in that deck) and the share of the class predicted to recall each card.
 */
export async function loadClassExamForecasts(
  db: Db,
  students: readonly { id: string; name: string }[],
  assignments: readonly ExamAssignment[],
  cards: readonly { id: string; deckId: string; prompt: string; kind: string }[],
  now: Date,
): Promise<ClassForecast[]> {
  if (assignments.length === 0) return [];
  const studentIds = students.map((student) => student.id);
  const examDecks = { deckId: { in: assignments.map((assignment) => assignment.deckId) } };
  const [settingsRows, stateRows, reviewRows] = await Promise.all([
    db.user.findMany({ where: { id: { in: studentIds } }, select: { id: true, ...USER_SETTINGS_SELECT } }),
    db.cardState.findMany({ where: { userId: { in: studentIds }, card: examDecks }, select: { userId: true, cardId: true, ...FSRS_STATE_SELECT } }),
    db.reviewLog.findMany({
      where: { userId: { in: studentIds }, card: examDecks, reviewedAt: { gte: new Date(now.getTime() - PACE_WINDOW_MS), lte: now } },
      select: { userId: true, cardId: true, reviewedAt: true },
    }),
  ]);
  const settingsOf = new Map(settingsRows.map(({ id, ...row }) => [id, studySettingsSchema.parse(row)]));
  const statesOf = new Map<string, Map<string, StoredCardState>>();
  for (const { userId, cardId, ...row } of stateRows) {
    const states = statesOf.get(userId) ?? new Map<string, StoredCardState>();
    states.set(cardId, pickFsrsState(row));
    statesOf.set(userId, states);
  }
  const deckOf = new Map(cards.map((card) => [card.id, card.deckId]));
  return assignments.map((assignment) => {
    const plan = { examDay: timestampToDay(assignment.examDate), targetRecall: assignment.targetRecall, finishDaysBefore: assignment.finishDaysBefore };
    const deckCards = cards.filter((card) => card.deckId === assignment.deckId);
    const forecasts = students.map((student) => ({
      userId: student.id,
      name: student.name,
      forecast: forecastLearner({
        cardIds: deckCards.map((card) => card.id),
        states: statesOf.get(student.id) ?? new Map(),
        reviewTimes: reviewRows
          .filter((review) => review.userId === student.id && deckOf.get(review.cardId) === assignment.deckId)
          .map((review) => review.reviewedAt),
        plan,
        settings: settingsOf.get(student.id) ?? studySettingsSchema.parse({}),
        now,
      }),
    }));
    return summarizeClassForecast(
      { ...assignment, plan },
      deckCards.map((card) => ({ cardId: card.id, deckId: card.deckId, prompt: card.prompt, kind: card.kind })),
      forecasts,
    );
  });
}
