import { randomUUID } from "node:crypto";
import { createEmptyCard, default_w, forgetting_curve, fsrs, generatorParameters, State, type Card } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { loadClassDashboard } from "@/lib/classes/dashboard";
import { assignDeck } from "@/lib/classes/mutations";
import type { Db } from "@/lib/db/client";
import { loadExamSummaries } from "@/lib/exams/data";
import { describeClassForecast } from "@/lib/exams/forecast";
import { setOwnDeckExam } from "@/lib/exams/mutations";
import { ownDeckExamSchema } from "@/lib/exams/schema";
import { listStudyDecks } from "@/lib/study/queue/deck-list";
import { loadStudyQueue } from "@/lib/study/queue/data";
import { loadExamPassQueue } from "@/lib/study/queue/exam-pass";
import { recordReview } from "@/lib/study/reviews/mutations";
import { createDeck, createLearner } from "../support/study-fixtures";
import { createTestDb } from "../support/test-db";
import { loadStudySettings } from "@/lib/study/settings";

const db = await createTestDb();
const DAY_MS = 86_400_000;

type KnownState = { stability: number; lastReview: Date; due: Date };

/** A card in review state with a known stability, written as the app stores it. */
async function putReviewState(userId: string, cardId: string, known: KnownState) {
  await db.cardState.create({
    data: { userId, cardId, ...known, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 3, lapses: 0, state: State.Review },
  });
}

function asFsrsCard(known: KnownState): Card {
  return {
    ...createEmptyCard(known.lastReview),
    stability: known.stability,
    difficulty: 5,
    reps: 3,
    state: State.Review,
    last_review: known.lastReview,
    due: known.due,
  };
}

async function setExam(userId: string, deckId: string, examDate: string, extra: Record<string, unknown> = {}) {
  const result = await setOwnDeckExam(db, userId, ownDeckExamSchema.parse({ deckId, examDate, ...extra }));
  expect(result.ok).toBe(true);
}

async function summaries(database: Db, userId: string, now: Date) {
  return loadExamSummaries(database, userId, await loadStudySettings(database, userId), now);
}

describe("predicted recall on exam day", () => {
  it("is ts-fsrs's own retrievability at the start of the exam day, with unseen cards counting as 0", async () => {
    const learner = await createLearner(db, { timeZone: "UTC", dayStartHour: 4 });
    const deck = await createDeck(db, learner.id, { count: 3 });
    const known: KnownState[] = [
      { stability: 10, lastReview: new Date("2026-03-01T12:00:00Z"), due: new Date("2026-03-11T12:00:00Z") },
      { stability: 40, lastReview: new Date("2026-02-20T08:30:00Z"), due: new Date("2026-04-01T08:30:00Z") },
    ];
    await putReviewState(learner.id, deck.cardIds[0]!, known[0]!);
    await putReviewState(learner.id, deck.cardIds[1]!, known[1]!);
    await setExam(learner.id, deck.id, "2026-04-10");

    const [summary] = await summaries(db, learner.id, new Date("2026-03-02T10:00:00Z"));
    const exam = new Date("2026-04-10T04:00:00Z");
    const expected = known.map((state) => fsrs().get_retrievability(asFsrsCard(state), exam, false));
    // The same figure straight from the forgetting curve, on whole elapsed days as ts-fsrs counts them.
    const elapsed = known.map((state) => Math.floor((exam.getTime() - state.lastReview.getTime()) / DAY_MS));
    expect(expected[0]).toBeCloseTo(forgetting_curve(default_w, elapsed[0]!, 10), 10);
    expect(summary!.ifStopped).toBeCloseTo((expected[0]! + expected[1]! + 0) / 3, 10);
    expect(summary).toMatchObject({ examDay: "2026-04-10", targetRecall: 0.9, setBy: "learner", belowTarget: 2 });
  });

  it("uses the learner's own FSRS parameters", async () => {
    const weights = [...default_w];
    weights[20] = 0.5; // a personal decay, which changes the curve's shape
    const learner = await db.user.create({ data: { name: "Tuned", fsrsParameters: weights }, select: { id: true } });
    const deck = await createDeck(db, learner.id, { count: 1 });
    const state = { stability: 20, lastReview: new Date("2026-03-01T12:00:00Z"), due: new Date("2026-03-21T12:00:00Z") };
    await putReviewState(learner.id, deck.cardIds[0]!, state);
    await setExam(learner.id, deck.id, "2026-04-10");
    const [summary] = await summaries(db, learner.id, new Date("2026-03-02T10:00:00Z"));
    const own = fsrs(generatorParameters({ w: weights })).get_retrievability(asFsrsCard(state), new Date("2026-04-10T04:00:00Z"), false);
    expect(summary!.ifStopped).toBeCloseTo(own, 10);
    expect(own).not.toBeCloseTo(fsrs().get_retrievability(asFsrsCard(state), new Date("2026-04-10T04:00:00Z"), false), 3);
  });

  it("falls for a student who does nothing for a week", async () => {
    const learner = await createLearner(db, { timeZone: "Europe/Brussels", newCardsPerDay: 5 });
    const deck = await createDeck(db, learner.id, { count: 10 });
    await setExam(learner.id, deck.id, "2026-05-01");
    const start = new Date("2026-03-02T09:00:00Z");
    for (let day = 0; day < 7; day++) {
      const now = new Date(start.getTime() + day * DAY_MS);
      const queue = await loadStudyQueue(db, learner.id, { deckId: deck.id, now });
      for (const card of queue.cards.slice(0, 4)) {
        const graded = await recordReview(
          db,
          learner.id,
          {
            reviewId: randomUUID(),
            cardId: card.id,
            rating: 3,
            durationMs: 1000,
            expectedLastReview: card.state?.lastReview ? new Date(card.state.lastReview) : null,
          },
          now,
        );
        expect(graded.ok).toBe(true);
      }
    }
    const [studying] = await summaries(db, learner.id, new Date(start.getTime() + 6 * DAY_MS + 3_600_000));
    const [idle] = await summaries(db, learner.id, new Date(start.getTime() + 13 * DAY_MS + 3_600_000));
    expect(idle!.predicted).toBeLessThan(studying!.predicted);
    expect(idle!.predicted).toBeCloseTo(idle!.ifStopped, 10);
  });
});

describe("new cards at the exam's pace", () => {
  // 22 cards, the exam on 31 March, new cards done 7 days before: by 24 March.
  async function learnerWithExam(timeZone: string, dayStartHour: number) {
    const learner = await createLearner(db, { timeZone, dayStartHour, newCardsPerDay: 20 });
    const deck = await createDeck(db, learner.id, { count: 22 });
    await setExam(learner.id, deck.id, "2026-03-31");
    return { learner, deck };
  }

  it("spreads the unseen cards over the study days left, counted in the learner's zone and day start", async () => {
    const auckland = await learnerWithExam("Pacific/Auckland", 4);
    // 03:30 on 3 March in Auckland (UTC+13) is still the study day of 2 March: 22 days to the 24th.
    const beforeDayStart = new Date("2026-03-02T14:30:00Z");
    expect((await loadStudyQueue(db, auckland.learner.id, { deckId: auckland.deck.id, now: beforeDayStart })).counts.new).toBe(1);
    // An hour later the 3 March study day has begun: 21 days left, so 2 a day.
    const afterDayStart = new Date("2026-03-02T15:30:00Z");
    expect((await loadStudyQueue(db, auckland.learner.id, { deckId: auckland.deck.id, now: afterDayStart })).counts.new).toBe(2);

    // The same instant is 06:30 on 2 March in Los Angeles, with a midnight day start: 22 days left.
    const angeles = await learnerWithExam("America/Los_Angeles", 0);
    expect((await loadStudyQueue(db, angeles.learner.id, { deckId: angeles.deck.id, now: afterDayStart })).counts.new).toBe(1);
    const [summary] = await summaries(db, angeles.learner.id, afterDayStart);
    expect(summary).toMatchObject({ newPerDay: 1, finishDay: "2026-03-24", phase: "pacing" });
  });

  it("keeps the day's pace once cards are started, and admits no more new cards that day", async () => {
    const { learner, deck } = await learnerWithExam("UTC", 4);
    const now = new Date("2026-03-03T10:00:00Z"); // 21 days to the 24th: 2 a day
    const queue = await loadStudyQueue(db, learner.id, { deckId: deck.id, now });
    expect(queue.counts.new).toBe(2);
    for (const card of queue.cards) {
      await recordReview(db, learner.id, { reviewId: randomUUID(), cardId: card.id, rating: 4, durationMs: 1000, expectedLastReview: null }, now);
    }
    const later = new Date(now.getTime() + 3_600_000);
    expect((await loadStudyQueue(db, learner.id, { deckId: deck.id, now: later })).counts.new).toBe(0);
    const [summary] = await summaries(db, learner.id, later);
    expect(summary).toMatchObject({ newPerDay: 2, unseen: 20, newLeftToday: 0 });
    // The Dashboard's "New left today" follows the exam's pace, not the daily limit of 20.
    const { today } = await listStudyDecks(db, learner.id, later);
    expect(today.new).toBe(0);
    // The whole-collection queue follows the same pace.
    expect((await loadStudyQueue(db, learner.id, { now: later })).counts.new).toBe(0);
  });

  it("returns to the learner's own daily limit after the exam", async () => {
    const { learner, deck } = await learnerWithExam("UTC", 4);
    const afterExam = new Date("2026-04-01T10:00:00Z");
    expect((await loadStudyQueue(db, learner.id, { deckId: deck.id, now: afterExam })).counts.new).toBe(20);
    expect(await summaries(db, learner.id, afterExam)).toEqual([]);
  });
});

describe("cards below the target first, and the final-days pass", () => {
  async function learnerWithTwoReviews() {
    const learner = await createLearner(db, { timeZone: "UTC", dayStartHour: 4 });
    const deck = await createDeck(db, learner.id, { count: 3 });
    // Strong: due first, but still above 90% on exam day. Weak: due later today, far below 90% on exam day.
    await putReviewState(learner.id, deck.cardIds[0]!, { stability: 400, lastReview: new Date("2026-02-25T10:00:00Z"), due: new Date("2026-03-01T10:00:00Z") });
    await putReviewState(learner.id, deck.cardIds[1]!, { stability: 2, lastReview: new Date("2026-02-28T10:00:00Z"), due: new Date("2026-03-02T05:00:00Z") });
    return { learner, deck, strong: deck.cardIds[0]!, weak: deck.cardIds[1]! };
  }

  it("puts reviews predicted below the exam's target before earlier-due ones", async () => {
    const { learner, deck, strong, weak } = await learnerWithTwoReviews();
    const now = new Date("2026-03-02T10:00:00Z");
    const before = (await loadStudyQueue(db, learner.id, { deckId: deck.id, now })).cards.map((card) => card.id);
    expect(before.indexOf(strong)).toBeLessThan(before.indexOf(weak));
    await setExam(learner.id, deck.id, "2026-03-31");
    const after = (await loadStudyQueue(db, learner.id, { deckId: deck.id, now })).cards.map((card) => card.id);
    expect(after.indexOf(weak)).toBeLessThan(after.indexOf(strong));
  });

  it("brings back every card predicted below the target in the final days, due or not, as an early review", async () => {
    const { learner, deck, weak } = await learnerWithTwoReviews();
    await setExam(learner.id, deck.id, "2026-03-31");
    expect(await loadExamPassQueue(db, learner.id, deck.id, new Date("2026-03-10T10:00:00Z"))).toBeNull();

    // Re-studied on the 25th, due again on the 28th: not due on the 26th, but weak on exam day.
    await db.cardState.update({
      where: { userId_cardId: { userId: learner.id, cardId: weak } },
      data: { stability: 3, lastReview: new Date("2026-03-25T10:00:00Z"), due: new Date("2026-03-28T10:00:00Z") },
    });
    const now = new Date("2026-03-26T10:00:00Z");
    const pass = await loadExamPassQueue(db, learner.id, deck.id, now);
    expect(pass!.cards.map((card) => card.id)).toEqual([weak]);
    const [summary] = await summaries(db, learner.id, now);
    expect(summary).toMatchObject({ phase: "final", belowTarget: 1 });

    const graded = await recordReview(
      db,
      learner.id,
      { reviewId: randomUUID(), cardId: weak, rating: 3, durationMs: 1000, expectedLastReview: new Date("2026-03-25T10:00:00.000Z") },
      now,
    );
    expect(graded.ok).toBe(true);
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: learner.id, cardId: weak } });
    // FSRS saw the real day elapsed of the three scheduled: the log shows an early review, not a faked due one.
    expect(log).toMatchObject({ elapsedDays: 1, state: State.Review });
  });
});

describe("the class forecast", () => {
  it("shows each student's predicted recall, each card's share worst first, and the summary line", async () => {
    const teacher = await db.user.create({ data: { name: "Teacher", role: "TEACHER" }, select: { id: true } });
    const deck = await createDeck(db, teacher.id, { count: 2 });
    const klass = await db.class.create({
      data: { name: "NATO 101", joinCode: randomUUID().slice(0, 8), members: { create: { userId: teacher.id, role: "TEACHER" } } },
    });
    const diligent = await db.user.create({ data: { name: "Ada" }, select: { id: true } });
    const idle = await db.user.create({ data: { name: "Bo" }, select: { id: true } });
    await db.classMember.createMany({ data: [diligent, idle].map((student) => ({ classId: klass.id, userId: student.id, role: "STUDENT" as const })) });
    const assigned = await assignDeck(db, teacher.id, {
      classId: klass.id,
      deckId: deck.id,
      targetDate: null,
      dailyGoal: null,
      examDate: "2026-03-12",
      targetRecall: 0.9,
      finishDaysBefore: 3,
    });
    expect(assigned.ok).toBe(true);
    await putReviewState(diligent.id, deck.cardIds[0]!, {
      stability: 1000,
      lastReview: new Date("2026-03-01T10:00:00Z"),
      due: new Date("2028-01-01T10:00:00Z"),
    });
    await putReviewState(diligent.id, deck.cardIds[1]!, {
      stability: 400,
      lastReview: new Date("2026-03-01T10:00:00Z"),
      due: new Date("2027-03-01T10:00:00Z"),
    });

    const now = new Date("2026-03-02T10:00:00Z");
    const dashboard = await loadClassDashboard(db, teacher.id, klass.id, now);
    const [forecast] = dashboard!.forecasts;
    expect(forecast!.students).toEqual([
      expect.objectContaining({ name: "Ada", reachesTarget: true }),
      expect.objectContaining({ name: "Bo", predicted: 0, reachesTarget: false }),
    ]);
    expect(forecast!.cards.map((card) => card.cardId)).toEqual([deck.cardIds[1], deck.cardIds[0]]);
    expect(forecast!.cards[0]!.share).toBeLessThan(forecast!.cards[1]!.share);
    expect(dashboard!.editableDeckIds).toEqual([deck.id]);
    expect(describeClassForecast(forecast!)).toBe("At today's pace, 1 of 2 students reach 90% by 12 March.");

    // The students see the teacher's exam with their own figure.
    const [own] = await summaries(db, diligent.id, now);
    expect(own).toMatchObject({ setBy: "teacher", examDay: "2026-03-12", reachesTarget: true });
    expect(own!.predicted).toBeCloseTo(forecast!.students[0]!.predicted, 10);
  });
});

describe("setting an exam", () => {
  it("refuses another learner's deck and out-of-range values, writing nothing", async () => {
    const owner = await createLearner(db);
    const other = await createLearner(db);
    const deck = await createDeck(db, owner.id, { count: 1 });
    const refused = await setOwnDeckExam(db, other.id, ownDeckExamSchema.parse({ deckId: deck.id, examDate: "2026-04-10" }));
    expect(refused).toMatchObject({ ok: false, code: "not_found" });
    const bad = ownDeckExamSchema.safeParse({ deckId: deck.id, examDate: "2026-04-10", targetRecall: "150", finishDaysBefore: "-1" });
    expect(bad.success).toBe(false);
    expect(bad.error!.flatten().fieldErrors).toEqual({ targetRecall: ["At most 99%."], finishDaysBefore: ["At least 0."] });
    expect(await db.deckExam.count({ where: { deckId: deck.id } })).toBe(0);
    // A blank date removes an exam.
    await setExam(owner.id, deck.id, "2026-04-10");
    await setExam(owner.id, deck.id, "");
    expect(await db.deckExam.count({ where: { deckId: deck.id } })).toBe(0);
  });
});
