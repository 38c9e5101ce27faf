/** Pure class-dashboard arithmetic over rows the loader read; unit-tested without a database. */
import { showPrompt } from "@/lib/cards/cloze";

const DAY_MS = 86_400_000;
export const REVIEW_WINDOW_DAYS = 7;
// Retention needs more answers than one week gives a casual student to mean anything.
export const RETENTION_WINDOW_DAYS = 30;
// FSRS card states: 0 new, 1 learning, 2 review, 3 relearning.
const REVIEW_STATE = 2;
const NEW_STATE = 0;

export type DashboardInput = {
  now: Date;
  students: { id: string; name: string }[];
  assignments: { id: string; deckId: string; deckName: string }[];
  cards: { id: string; deckId: string; prompt: string; kind: string }[];
  states: { userId: string; cardId: string; due: Date; state: number; reps: number; lapses: number; difficulty: number; suspended: boolean }[];
  /** Reviews of assigned cards in the retention window (which contains the review window). */
  reviews: { userId: string; cardId: string; rating: number; state: number; reviewedAt: Date }[];
  /** Distinct (student, card) pairs ever reviewed, for assignment progress. */
  reviewedPairs: { userId: string; cardId: string }[];
};

export type AssignmentProgress = { assignmentId: string; deckName: string; reviewed: number; total: number; share: number };

export type StudentRow = {
  userId: string;
  name: string;
  reviewsLast7Days: number;
  /** Share of reviews of cards in review state answered Hard, Good or Easy; null with no such review. */
  retention: number | null;
  dueNow: number;
  overdue: number;
  progress: AssignmentProgress[];
};

export type CardRow = {
  cardId: string;
  prompt: string;
  kind: string;
  deckName: string;
  learners: number;
  lapses: number;
  reps: number;
  /** Lapses per review across the class. */
  lapseRate: number;
  averageDifficulty: number;
};

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Per student: recent reviews, retention, due and overdue cards in assigned decks, and progress per assignment. */
export function computeStudentRows(input: DashboardInput): StudentRow[] {
  const { now } = input;
  const weekStart = now.getTime() - REVIEW_WINDOW_DAYS * DAY_MS;
  const deckOf = new Map(input.cards.map((card) => [card.id, card.deckId]));
  const cardsPerDeck = countBy(input.cards, (card) => card.deckId);
  const reviewedPerDeck = countBy(input.reviewedPairs, (pair) => `${pair.userId} ${deckOf.get(pair.cardId)}`);
  return input.students.map((student) => {
    const reviews = input.reviews.filter((review) => review.userId === student.id);
    const matureReviews = reviews.filter((review) => review.state === REVIEW_STATE);
    const scheduled = input.states.filter((state) => state.userId === student.id && state.state !== NEW_STATE && !state.suspended && state.due <= now);
    return {
      userId: student.id,
      name: student.name,
      reviewsLast7Days: reviews.filter((review) => review.reviewedAt.getTime() >= weekStart).length,
      retention: matureReviews.length === 0 ? null : matureReviews.filter((review) => review.rating > 1).length / matureReviews.length,
      dueNow: scheduled.length,
      overdue: scheduled.filter((state) => state.due.getTime() <= now.getTime() - DAY_MS).length,
      progress: input.assignments.map((assignment) => {
        const total = cardsPerDeck.get(assignment.deckId) ?? 0;
        const reviewed = reviewedPerDeck.get(`${student.id} ${assignment.deckId}`) ?? 0;
        return { assignmentId: assignment.id, deckName: assignment.deckName, reviewed, total, share: total === 0 ? 0 : reviewed / total };
      }),
    };
  });
}

/** Per card the class has studied: lapse rate and average difficulty, hardest first. */
export function computeCardRows(input: DashboardInput): CardRow[] {
  const deckName = new Map(input.assignments.map((assignment) => [assignment.deckId, assignment.deckName]));
  const studied = new Map<string, DashboardInput["states"]>();
  for (const state of input.states) {
    if (state.reps === 0) continue;
    studied.set(state.cardId, [...(studied.get(state.cardId) ?? []), state]);
  }
  const rows: CardRow[] = [];
  for (const card of input.cards) {
    const states = studied.get(card.id);
    if (!states) continue;
    const reps = states.reduce((sum, state) => sum + state.reps, 0);
    const lapses = states.reduce((sum, state) => sum + state.lapses, 0);
    rows.push({
      cardId: card.id,
      prompt: showPrompt(card),
      kind: card.kind,
      deckName: deckName.get(card.deckId) ?? "",
      learners: states.length,
      lapses,
      reps,
      lapseRate: lapses / reps,
      averageDifficulty: states.reduce((sum, state) => sum + state.difficulty, 0) / states.length,
    });
  }
  return rows.sort((a, b) => b.lapseRate - a.lapseRate || b.averageDifficulty - a.averageDifficulty || a.prompt.localeCompare(b.prompt));
}

// The teacher's leeches: cards that a good part of the class keeps forgetting, a sign the card needs rewriting.
export const CLASS_LEECH_LAPSES = 2;
export const CLASS_LEECH_SHARE = 0.3;

export type ClassLeech = { cardId: string; deckId: string; prompt: string; kind: string; deckName: string; students: number; share: number };

/** Cards that at least 30% of the class's students lapsed on twice or more, most widely forgotten first. */
export function findClassLeeches(input: DashboardInput): ClassLeech[] {
  if (input.students.length === 0) return [];
  const deckName = new Map(input.assignments.map((assignment) => [assignment.deckId, assignment.deckName]));
  const lapsedBy = countBy(
    input.states.filter((state) => state.lapses >= CLASS_LEECH_LAPSES),
    (state) => state.cardId,
  );
  return input.cards
    .map((card) => {
      const students = lapsedBy.get(card.id) ?? 0;
      return {
        cardId: card.id,
        deckId: card.deckId,
        prompt: card.prompt,
        kind: card.kind,
        deckName: deckName.get(card.deckId) ?? "",
        students,
        share: students / input.students.length,
      };
    })
    .filter((card) => card.share >= CLASS_LEECH_SHARE)
    .sort((a, b) => b.share - a.share || a.prompt.localeCompare(b.prompt));
}
