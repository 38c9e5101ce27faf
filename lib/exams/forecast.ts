/** Exam-day forecasts over rows the loaders read: pure, unit-tested without a database. */
import type { StoredCardState } from "@/lib/srs/card-state";
import { examMoment, forecastRecall, measurePace, predictRecall, type ExamPlan } from "@/lib/srs/exam";
import type { StudySettings } from "@/lib/srs/settings";

export type LearnerForecastInput = {
  cardIds: readonly string[];
  states: ReadonlyMap<string, StoredCardState>;
  /** The learner's review times of the last week or more, in any deck: their pace. */
  reviewTimes: readonly Date[];
  plan: ExamPlan;
  settings: StudySettings;
  now: Date;
};

export type LearnerForecast = {
  /** Average recall on exam day over the deck's cards at the learner's pace; unseen cards count as 0. */
  predicted: number;
  /** The same if they stopped studying now. */
  ifStopped: number;
  pace: number;
  perCard: Map<string, number>;
  /** Studied cards whose recall on exam day, with no more reviews, is below the target. */
  belowTarget: number;
  reachesTarget: boolean;
};

const average = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

/** One learner's predicted recall on exam day, per card and over the deck. */
export function forecastLearner(input: LearnerForecastInput): LearnerForecast {
  const exam = examMoment(input.plan, input.settings);
  const pace = measurePace(input.reviewTimes, input.now, input.settings);
  const perCard = new Map<string, number>();
  const stopped: number[] = [];
  let belowTarget = 0;
  for (const cardId of input.cardIds) {
    const state = input.states.get(cardId) ?? null;
    const ifStopped = predictRecall(state, exam, input.settings);
    stopped.push(ifStopped);
    if (state && state.reps > 0 && ifStopped < input.plan.targetRecall) belowTarget++;
    perCard.set(cardId, forecastRecall(state, input.now, exam, pace, input.settings));
  }
  const predicted = average([...perCard.values()]);
  return { predicted, ifStopped: average(stopped), pace, perCard, belowTarget, reachesTarget: predicted >= input.plan.targetRecall };
}

export type ForecastCard = { cardId: string; deckId: string; prompt: string; kind: string };

export type ClassForecast = {
  assignmentId: string;
  deckId: string;
  deckName: string;
  examDay: string;
  targetRecall: number;
  students: { userId: string; name: string; predicted: number; reachesTarget: boolean }[];
  /** Expected share of the class recalling each card on exam day, worst first. */
  cards: (ForecastCard & { share: number })[];
  reaching: number;
};

/** The class's forecast for one assignment from each student's own forecast. */
export function summarizeClassForecast(
  assignment: { id: string; deckId: string; deckName: string; plan: ExamPlan },
  cards: readonly ForecastCard[],
  students: readonly { userId: string; name: string; forecast: LearnerForecast }[],
): ClassForecast {
  const shares = cards.map((card) => ({ ...card, share: average(students.map((student) => student.forecast.perCard.get(card.cardId) ?? 0)) }));
  return {
    assignmentId: assignment.id,
    deckId: assignment.deckId,
    deckName: assignment.deckName,
    examDay: assignment.plan.examDay,
    targetRecall: assignment.plan.targetRecall,
    students: students.map(({ userId, name, forecast }) => ({ userId, name, predicted: forecast.predicted, reachesTarget: forecast.reachesTarget })),
    cards: shares.sort((a, b) => a.share - b.share || a.prompt.localeCompare(b.prompt)),
    reaching: students.filter((student) => student.forecast.reachesTarget).length,
  };
}

const longDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });

/** "12 March" for "2027-03-12". */
export function formatExamDay(day: string): string {
  return longDay.format(new Date(`${day}T00:00:00Z`));
}

/** The teacher's one-line summary: "At today's pace, 14 of 23 students reach 90% by 12 March." */
export function describeClassForecast(forecast: ClassForecast): string {
  const total = forecast.students.length;
  const target = `${Math.round(forecast.targetRecall * 100)}%`;
  return `At today's pace, ${forecast.reaching} of ${total} ${total === 1 ? "student reaches" : "students reach"} ${target} by ${formatExamDay(forecast.examDay)}.`;
}
