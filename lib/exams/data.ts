import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { examPhase, finishDay, pacedNewCards, type ExamPhase, type ExamPlan } from "@/lib/srs/exam";
import type { DaySettings, StudySettings } from "@/lib/srs/settings";
import { countNewCardsStartedToday } from "@/lib/study/queue/new-cards-started";
import { pickFsrsState, FSRS_STATE_SELECT } from "@/lib/study/reviews/state-row";
import { forecastLearner } from "./forecast";
import { EXAM_DEFAULTS, timestampToDay } from "./schema";

/** An exam the learner is working toward: set by a teacher on an assignment, or by the learner on an own deck. */
export type DeckExam = { deckId: string; deckName: string; plan: ExamPlan; setBy: "teacher" | "learner" };

// A week of study days plus the slack of any time zone's day start.
const PACE_WINDOW_MS = 8 * 86_400_000;

type ExamRow = { deckId: string; deckName: string; examDate: Date; targetRecall: number; finishDaysBefore: number; setBy: DeckExam["setBy"] };

/**
 * Every exam on a deck the learner studies: their classes' assignments with an exam date (as a student) and their
 * own decks' exams. Plain SQL on pg, as every study queue, deck list and dashboard asks (see lib/db/sql.ts).
 */
export async function listDeckExams(db: Db, userId: string): Promise<DeckExam[]> {
  const rows = await sqlRows<ExamRow>(
    poolOf(db),
    `SELECT a."deckId", d.name AS "deckName", a."examDate", a."targetRecall", a."finishDaysBefore", 'teacher' AS "setBy"
     FROM "Assignment" a JOIN "Deck" d ON d.id = a."deckId"
     WHERE a."examDate" IS NOT NULL
       AND EXISTS (SELECT 1 FROM "ClassMember" m WHERE m."classId" = a."classId" AND m."userId" = $1 AND m.role = 'STUDENT')
     UNION ALL
     SELECT e."deckId", d.name, e."examDate", e."targetRecall", e."finishDaysBefore", 'learner'
     FROM "DeckExam" e JOIN "Deck" d ON d.id = e."deckId"
     WHERE e."userId" = $1 AND d."ownerId" = $1
     ORDER BY "setBy" DESC`,
    [userId],
  );
  return rows.map((row) => ({
    deckId: row.deckId,
    deckName: row.deckName,
    plan: { examDay: timestampToDay(row.examDate), targetRecall: row.targetRecall, finishDaysBefore: row.finishDaysBefore },
    setBy: row.setBy,
  }));
}

/** Per deck, the next exam not yet over (the earliest, if a deck has several); past exams leave normal scheduling. */
export function pickUpcomingExams(exams: readonly DeckExam[], now: Date, daySettings: DaySettings): Map<string, DeckExam> {
  const upcoming = new Map<string, DeckExam>();
  for (const exam of exams) {
    if (examPhase(exam.plan, now, daySettings) === "over") continue;
    const kept = upcoming.get(exam.deckId);
    if (!kept || exam.plan.examDay < kept.plan.examDay) upcoming.set(exam.deckId, exam);
  }
  return upcoming;
}

/** Cards of the deck the learner has not started, and new cards they started this study day. */
export async function countNewCardProgress(db: Db, userId: string, deckId: string, now: Date, daySettings: DaySettings) {
  const [cards, started, startedToday] = await Promise.all([
    db.card.count({ where: { deckId } }),
    db.cardState.count({ where: { userId, state: { not: 0 }, card: { deckId } } }),
    countNewCardsStartedToday(db, userId, now, daySettings, { deckId }),
  ]);
  return { unseen: cards - started, startedToday };
}

/** New cards the exam's pace admits for the rest of this study day, and the pace itself (null after the exam). */
export async function examNewCardAllowance(db: Db, userId: string, exam: DeckExam, now: Date, daySettings: DaySettings) {
  const { unseen, startedToday } = await countNewCardProgress(db, userId, exam.deckId, now, daySettings);
  return { ...pacedNewCards(exam.plan, unseen, startedToday, now, daySettings), unseen, startedToday };
}

export type ExamSummary = {
  deckId: string;
  deckName: string;
  setBy: DeckExam["setBy"];
  examDay: string;
  targetRecall: number;
  finishDay: string;
  phase: ExamPhase;
  /** New cards a day to introduce every card by the finish day; null once none are left. */
  newPerDay: number | null;
  /** New cards the pace still admits in this study day. */
  newLeftToday: number;
  unseen: number;
  predicted: number;
  ifStopped: number;
  belowTarget: number;
  reachesTarget: boolean;
};

/** The learner's upcoming exams with their pace and predicted recall on exam day, soonest first. */
export async function loadExamSummaries(db: Db, userId: string, settings: StudySettings, now: Date, deckId?: string): Promise<ExamSummary[]> {
  const upcoming = [...pickUpcomingExams(await listDeckExams(db, userId), now, settings).values()]
    .filter((exam) => !deckId || exam.deckId === deckId)
    .sort((a, b) => a.plan.examDay.localeCompare(b.plan.examDay));
  return Promise.all(
    upcoming.map(async (exam) => {
      const [cards, states, reviews, pace] = await Promise.all([
        db.card.findMany({ where: { deckId: exam.deckId }, select: { id: true } }),
        db.cardState.findMany({ where: { userId, card: { deckId: exam.deckId } }, select: { cardId: true, ...FSRS_STATE_SELECT } }),
        // The pace counts days this deck was studied, as the teacher's class forecast does.
        db.reviewLog.findMany({
          where: { userId, card: { deckId: exam.deckId }, reviewedAt: { gte: new Date(now.getTime() - PACE_WINDOW_MS), lte: now } },
          select: { reviewedAt: true },
        }),
        examNewCardAllowance(db, userId, exam, now, settings),
      ]);
      const forecast = forecastLearner({
        cardIds: cards.map((card) => card.id),
        states: new Map(states.map((row) => [row.cardId, pickFsrsState(row)])),
        reviewTimes: reviews.map((review) => review.reviewedAt),
        plan: exam.plan,
        settings,
        now,
      });
      return {
        deckId: exam.deckId,
        deckName: exam.deckName,
        setBy: exam.setBy,
        examDay: exam.plan.examDay,
        targetRecall: exam.plan.targetRecall,
        finishDay: finishDay(exam.plan),
        phase: examPhase(exam.plan, now, settings),
        newPerDay: pace.unseen > 0 ? pace.perDay : null,
        newLeftToday: pace.allowance,
        unseen: pace.unseen,
        predicted: forecast.predicted,
        ifStopped: forecast.ifStopped,
        belowTarget: forecast.belowTarget,
        reachesTarget: forecast.reachesTarget,
      };
    }),
  );
}

/** Whether the learner owns the deck (and may set its exam), with the exam they set on it, if any. */
export async function findOwnDeckExam(db: Db, userId: string, deckId: string) {
  const deck = await db.deck.findFirst({
    where: { id: deckId, ownerId: userId },
    select: { exams: { where: { userId }, select: { examDate: true, targetRecall: true, finishDaysBefore: true } } },
  });
  if (!deck) return null;
  const exam = deck.exams[0];
  return exam
    ? { examDay: timestampToDay(exam.examDate), targetRecall: exam.targetRecall, finishDaysBefore: exam.finishDaysBefore }
    : { examDay: null, ...EXAM_DEFAULTS };
}
