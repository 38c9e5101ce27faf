/**
 * Simulated learners studying toward an exam, to measure exam mode and load balancing with the app's own
 * lib/srs code. Pure and seeded: every variant sees the same learners, the same study days and the same coin for
 * each (learner, card, review number), so differences come from the scheduling alone. Recall is drawn from each
 * card's retrievability as ts-fsrs predicts it; nothing here models memory.
 */
import { State } from "ts-fsrs";
import type { StoredCardState } from "../lib/srs/card-state";
import { examMoment, newCardPace, predictRecall, type ExamPlan } from "../lib/srs/exam";
import { gradeCard, type ReviewRating } from "../lib/srs/grade";
import { dueOnExcluding } from "../lib/srs/load-balance";
import { studySettingsSchema } from "../lib/srs/settings";
import { seededRandom } from "../tests/support/seeded-random";

export type SimulationConfig = {
  learners: number;
  cards: number;
  days: number;
  seed: number;
  examMode: boolean;
  loadBalancing: boolean;
  /** Weekdays the learners marked easy (with load balancing). */
  easyDays: readonly number[];
};

export type SimulationFigures = {
  /** Mean predicted recall at the exam over (learner, card) pairs studied at least once. */
  meanRecallStudied: number;
  /** Share of learners whose average over every card (unseen counting 0) reaches the target. */
  shareReachingTarget: number;
  reviewsPerLearner: number;
  /** Standard deviation of a learner's daily review count over the days they studied, averaged over learners. */
  dailyReviewsStdDev: number;
  /** Standard deviation of the reviews scheduled for each day (days 8 to the exam), averaged over learners. */
  scheduledPerDayStdDev: number;
  /** Share of those scheduled reviews that fall on a Saturday or Sunday (the easy days of the easy-days variant). */
  scheduledOnWeekendShare: number;
  /** FSRS log loss of every review of a studied card: ts-fsrs's prediction against the drawn outcome. */
  logLoss: number;
  /** The same for reviews made before their due date (the final pass); null when there were none. */
  earlyReviewLogLoss: number | null;
  earlyReviews: number;
};

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 5);
const DAY_SETTINGS = { timeZone: "UTC", dayStartHour: 0 };
const settings = studySettingsSchema.parse(DAY_SETTINGS);
const REVIEW_GAP_MS = 20_000;
const WEEKEND = [0, 6];

type Learner = { attendance: number; newPerDay: number };
type Memory = { state: StoredCardState | null; reviews: number };

// Learners study in UTC with a midnight day start, where lib/srs's studyDayKey is the ISO date; this is the same
// key without Intl, which would otherwise take most of the run.
const dayKey = (instant: Date) => instant.toISOString().slice(0, 10);
const dayKeyOf = (day: number) => dayKey(new Date(START + day * DAY_MS));

/** A learner's traits: how often they open the app (30–100% of days) and their own daily new-card limit (2–10). */
function drawLearner(seed: number, index: number): Learner {
  const random = seededRandom(seed * 7919 + index);
  return { attendance: 0.3 + 0.7 * random(), newPerDay: 2 + Math.floor(random() * 9) };
}

/** The same coin for the same learner, card and review number in every variant. */
function coin(seed: number, learner: number, card: number, review: number): number {
  return seededRandom(((seed * 1_000_003 + learner) * 10_007 + card) * 101 + review)();
}

function attends(seed: number, learner: Learner, index: number, day: number): boolean {
  return seededRandom((seed * 4099 + index) * 1_009 + day)() < learner.attendance;
}

function standardDeviation(values: number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((total, value) => total + value, 0) / values.length;
  return Math.sqrt(values.reduce((total, value) => total + (value - mean) ** 2, 0) / values.length);
}

class Tally {
  loss = 0;
  count = 0;
  add(predicted: number, recalled: boolean) {
    const p = Math.min(Math.max(predicted, 1e-6), 1 - 1e-6);
    this.loss -= recalled ? Math.log(p) : Math.log(1 - p);
    this.count++;
  }
  get mean() {
    return this.count === 0 ? null : this.loss / this.count;
  }
}

/** One variant: every learner over `days` days, with an exam at the end of the last. */
export function simulateExamClass(config: SimulationConfig): SimulationFigures {
  const plan: ExamPlan = { examDay: dayKeyOf(config.days), targetRecall: 0.9, finishDaysBefore: 7 };
  const exam = examMoment(plan, DAY_SETTINGS);
  const all = new Tally();
  const early = new Tally();
  let studiedRecall = 0;
  let studiedPairs = 0;
  let reaching = 0;
  let reviews = 0;
  let spreadSum = 0;
  let scheduledSpreadSum = 0;
  let scheduledTotal = 0;
  let scheduledOnWeekends = 0;

  for (let index = 0; index < config.learners; index++) {
    const learner = drawLearner(config.seed, index);
    const memories: Memory[] = Array.from({ length: config.cards }, () => ({ state: null, reviews: 0 }));
    // Reviews waiting on each day (what load balancing looks at) and every review ever scheduled for each day.
    const dueCounts: Record<string, number> = {};
    const scheduled: Record<string, number> = {};
    const bump = (counts: Record<string, number>, key: string, by: number) => (counts[key] = (counts[key] ?? 0) + by);
    const moveDue = (from: StoredCardState | null, to: StoredCardState) => {
      if (from?.state === State.Review) bump(dueCounts, dayKey(from.due), -1);
      if (to.state === State.Review) {
        bump(dueCounts, dayKey(to.due), 1);
        bump(scheduled, dayKey(to.due), 1);
      }
    };
    const daily: number[] = [];
    let nextCard = 0;

    const review = (cardIndex: number, now: Date, endOfDay: number) => {
      const memory = memories[cardIndex]!;
      const before = memory.state;
      const predicted = before && before.state !== State.New ? predictRecall(before, now, settings) : 0.6;
      const recalled = coin(config.seed, index, cardIndex, memory.reviews) < predicted;
      if (before && before.state !== State.New) {
        all.add(predicted, recalled);
        if (before.state === State.Review && before.due.getTime() >= endOfDay) early.add(predicted, recalled);
      }
      const rating: ReviewRating = recalled ? 3 : 1;
      // The live path: gradeCard balancing on the learner's load, as the study screen and the server do.
      const ownDay = before?.state === State.Review ? dayKey(before.due) : null;
      const balance = config.loadBalancing
        ? { reviewId: `${index}-${cardIndex}-${memory.reviews}`, easyDays: config.easyDays, dueOn: dueOnExcluding(dueCounts, ownDay), dayKey }
        : undefined;
      const { next } = gradeCard(before, rating, now, settings, balance);
      moveDue(before, next);
      memory.state = next;
      memory.reviews++;
    };

    for (let day = 0; day < config.days; day++) {
      if (!attends(config.seed, learner, index, day)) continue;
      let now = new Date(START + day * DAY_MS + 9 * 3_600_000);
      const endOfDay = START + (day + 1) * DAY_MS;
      const tick = () => (now = new Date(now.getTime() + REVIEW_GAP_MS));
      let count = 0;

      const unseen = config.cards - nextCard;
      const pace = config.examMode ? newCardPace(plan, unseen, now, DAY_SETTINGS) : null;
      const newToday = Math.min(unseen, pace ?? learner.newPerDay);
      const due = memories.flatMap((memory, cardIndex) => (memory.state && memory.state.due.getTime() < endOfDay ? [cardIndex] : []));
      const dueSet = new Set(due);
      const inFinalDays = config.examMode && dayKeyOf(day) >= dayKeyOf(config.days - plan.finishDaysBefore);
      // The final-days pass: every studied card predicted below the target on exam day, due or not.
      const pass = inFinalDays
        ? memories.flatMap((memory, cardIndex) =>
            memory.state && memory.state.state === State.Review && !dueSet.has(cardIndex) && predictRecall(memory.state, exam, settings) < plan.targetRecall
              ? [cardIndex]
              : [],
          )
        : [];
      for (const cardIndex of [...due, ...pass]) {
        review(cardIndex, tick(), endOfDay);
        count++;
      }
      for (let added = 0; added < newToday; added++) {
        review(nextCard++, tick(), endOfDay);
        count++;
      }
      // Learning steps due again today, in order, until none is left before the day ends.
      for (let round = 0; round < 10; round++) {
        const again = memories.flatMap((memory, cardIndex) =>
          memory.state && memory.state.state !== State.Review && memory.state.state !== State.New && memory.state.due.getTime() < endOfDay ? [cardIndex] : [],
        );
        if (again.length === 0) break;
        for (const cardIndex of again) {
          now = new Date(Math.max(tick().getTime(), memories[cardIndex]!.state!.due.getTime()));
          if (now.getTime() >= endOfDay) break;
          review(cardIndex, now, endOfDay);
          count++;
        }
      }
      daily.push(count);
      reviews += count;
    }

    let sum = 0;
    for (const memory of memories) {
      const recall = predictRecall(memory.state, exam, settings);
      sum += recall;
      if (memory.state && memory.state.state !== State.New) {
        studiedRecall += recall;
        studiedPairs++;
      }
    }
    if (sum / config.cards >= plan.targetRecall) reaching++;
    spreadSum += standardDeviation(daily);
    const perDay = Array.from({ length: config.days - 7 }, (_, offset) => scheduled[dayKeyOf(offset + 7)] ?? 0);
    scheduledSpreadSum += standardDeviation(perDay);
    scheduledTotal += perDay.reduce((total, count) => total + count, 0);
    scheduledOnWeekends += perDay.reduce(
      (total, count, offset) => total + (WEEKEND.includes(new Date(START + (offset + 7) * DAY_MS).getUTCDay()) ? count : 0),
      0,
    );
  }

  return {
    meanRecallStudied: studiedRecall / Math.max(1, studiedPairs),
    shareReachingTarget: reaching / config.learners,
    reviewsPerLearner: reviews / config.learners,
    dailyReviewsStdDev: spreadSum / config.learners,
    scheduledPerDayStdDev: scheduledSpreadSum / config.learners,
    scheduledOnWeekendShare: scheduledOnWeekends / Math.max(1, scheduledTotal),
    logLoss: all.mean ?? 0,
    earlyReviewLogLoss: early.mean,
    earlyReviews: early.count,
  };
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** `npm run bench -- --only simulator`: the variants the issue asks for, 200 learners, 150 cards, 60 days. */
export function measureExamSimulator() {
  const base = { learners: 200, cards: 150, days: 60, seed: 14, easyDays: [] };
  const variants = {
    normal: { ...base, examMode: false, loadBalancing: false },
    examMode: { ...base, examMode: true, loadBalancing: false },
    loadBalancing: { ...base, examMode: false, loadBalancing: true },
    examModeAndLoadBalancing: { ...base, examMode: true, loadBalancing: true },
    loadBalancingEasyWeekends: { ...base, examMode: false, loadBalancing: true, easyDays: WEEKEND },
  };
  const simulator: Record<string, Record<string, number | null>> = {};
  for (const [name, config] of Object.entries(variants)) {
    const figures = simulateExamClass(config);
    simulator[name] = Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, value === null ? null : round(value)]));
  }
  return { simulator: { setup: base, ...simulator } };
}
