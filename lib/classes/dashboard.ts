import "server-only";
import type { Db } from "@/lib/db/client";
import { taughtByWhere } from "./access";
import type { ClassForecast } from "@/lib/exams/forecast";
import { loadClassExamForecasts } from "./exam-forecast";
import {
  computeCardRows,
  computeStudentRows,
  findClassLeeches,
  RETENTION_WINDOW_DAYS,
  type CardRow,
  type ClassLeech,
  type StudentRow,
} from "./dashboard-stats";

export type ClassDashboard = {
  className: string;
  assignments: { id: string; deckName: string }[];
  students: StudentRow[];
  cards: CardRow[];
  leeches: ClassLeech[];
  /** One per assignment with an exam date, soonest first. */
  forecasts: ClassForecast[];
  /** Decks the teacher owns, whose cards the dashboard links to the editor. */
  editableDeckIds: string[];
};

/**
 * The class dashboard, for one of the class's teachers only (null otherwise). It counts only cards of decks
 * assigned to the class: what a student studies elsewhere is not the teacher's to see.
 */
export async function loadClassDashboard(db: Db, teacherId: string, classId: string, now: Date): Promise<ClassDashboard | null> {
  const found = await db.class.findFirst({
    where: { id: classId, ...taughtByWhere(teacherId) },
    select: {
      name: true,
      members: { where: { role: "STUDENT" }, orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } },
      assignments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, deckId: true, examDate: true, targetRecall: true, finishDaysBefore: true, deck: { select: { name: true, ownerId: true } } },
      },
    },
  });
  if (!found) return null;
  const students = found.members.map((member) => member.user);
  const assignments = found.assignments.map((assignment) => ({ id: assignment.id, deckId: assignment.deckId, deckName: assignment.deck.name }));
  const studentIds = students.map((student) => student.id);
  const assigned = { deckId: { in: assignments.map((assignment) => assignment.deckId) } };
  const retentionStart = new Date(now.getTime() - RETENTION_WINDOW_DAYS * 86_400_000);
  const [cards, states, reviews, reviewedPairs] = await Promise.all([
    db.card.findMany({ where: assigned, select: { id: true, deckId: true, prompt: true, kind: true } }),
    db.cardState.findMany({
      where: { userId: { in: studentIds }, card: assigned },
      select: { userId: true, cardId: true, due: true, state: true, reps: true, lapses: true, difficulty: true, suspended: true },
    }),
    db.reviewLog.findMany({
      where: { userId: { in: studentIds }, card: assigned, reviewedAt: { gte: retentionStart, lte: now } },
      select: { userId: true, cardId: true, rating: true, state: true, reviewedAt: true },
    }),
    db.reviewLog.groupBy({ by: ["userId", "cardId"], where: { userId: { in: studentIds }, card: assigned } }),
  ]);
  const input = { now, students, assignments, cards, states, reviews, reviewedPairs };
  const examAssignments = found.assignments
    .flatMap(({ examDate, deck, ...assignment }) => (examDate ? [{ ...assignment, examDate, deckName: deck.name }] : []))
    .sort((a, b) => a.examDate.getTime() - b.examDate.getTime());
  return {
    className: found.name,
    assignments: assignments.map(({ id, deckName }) => ({ id, deckName })),
    students: computeStudentRows(input),
    cards: computeCardRows(input),
    leeches: findClassLeeches(input),
    forecasts: await loadClassExamForecasts(db, students, examAssignments, cards, now),
    editableDeckIds: found.assignments.filter((assignment) => assignment.deck.ownerId === teacherId).map((assignment) => assignment.deckId),
  };
}
