import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner } from "../support/study-fixtures";
import { poolOf } from "@/lib/db/client";
import { sqlOn } from "@/lib/db/sql";
import { studyDayKey } from "@/lib/srs/day";
import { findBalanceRange, gradeCard } from "@/lib/srs/grade";
import { buildDashboard } from "@/lib/progress/dashboard";
import { loadProgressRows } from "@/lib/progress/data";
import { pickInterval } from "@/lib/srs/load-balance";
import { loadStudyQueue } from "@/lib/study/queue/data";
import { countDueByDay } from "@/lib/study/queue/due-load";
import { recordReview } from "@/lib/study/reviews/mutations";
import { syncReviews } from "@/lib/study/reviews/sync";
import type { StudyCard } from "@/lib/study/schema";
import { gradeLocally, type DueCounts } from "@/lib/study/device/session";
import { loadStudySettings } from "@/lib/study/settings";

const db = await createTestDb();
const DAY = 86_400_000;
// A Thursday after the test's cards are made: an Easy first answer's range (6 to 10 days) runs from Wednesday to Sunday.
const NOW = new Date("2027-01-07T09:00:00.000Z");

async function learnerWithDeck(count: number, settings: { easyDays?: number[] } = {}) {
  const learner = await createLearner(db, { timeZone: "Europe/Brussels", dayStartHour: 4 });
  if (settings.easyDays) await db.user.update({ where: { id: learner.id }, data: { easyDays: settings.easyDays } });
  const deck = await createDeck(db, learner.id, { count });
  return { userId: learner.id, deck, settings: await loadStudySettings(db, learner.id) };
}

const stored = (userId: string, cardId: string) =>
  db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } }, select: { due: true, scheduledDays: true } });

/** The study screen's grade: scheduled on the device with its own load, and the review as its outbox sends it, parsed. */
function gradeOnDevice(
  card: StudyCard,
  rating: 1 | 2 | 3 | 4,
  at: Date,
  settings: Awaited<ReturnType<typeof loadStudySettings>>,
  dueCounts: DueCounts,
  reviewId = randomUUID(),
) {
  const graded = gradeLocally(card, rating, at, settings, { reviewId, dueCounts });
  const review = { reviewId, cardId: card.id, rating, reviewedAt: at, durationMs: 2_000, chosenInterval: graded.chosenInterval };
  return { graded, review };
}

describe("load balancing in live grading", () => {
  it("stores the day the device chose for a review id, even where the server's own load would pick another", async () => {
    const { userId, deck, settings } = await learnerWithDeck(8);
    const phone = await loadStudyQueue(db, userId, { deckId: deck.id, now: NOW });
    const card = phone.cards.find((entry) => entry.id === deck.cardIds[0])!;
    // A review id whose balanced day differs from ts-fsrs's own fuzz, so only honouring the device's day matches it.
    const plainDue = gradeCard(null, 4, NOW, settings).next.due.getTime();
    let attempt = gradeOnDevice(card, 4, NOW, settings, phone.dueCounts);
    while (attempt.graded.card.state!.due === new Date(plainDue).toISOString()) attempt = gradeOnDevice(card, 4, NOW, settings, phone.dueCounts);
    const { graded, review } = attempt;
    expect(review.chosenInterval).not.toBeNull();

    // Meanwhile a laptop's reviews filled the phone's chosen day; the phone downloaded its load before them.
    const chosenDue = new Date(graded.card.state!.due);
    const busy = deck.cardIds.slice(1);
    await db.cardState.createMany({
      data: busy.map((cardId) => ({
        userId,
        cardId,
        due: chosenDue,
        stability: 10,
        difficulty: 5,
        elapsedDays: 0,
        scheduledDays: 10,
        learningSteps: 0,
        reps: 3,
        lapses: 0,
        state: 2,
        lastReview: NOW,
      })),
    });

    const synced = await syncReviews(db, userId, { learnerId: userId, sentAt: NOW, reviews: [review] }, NOW);
    expect(synced.ok).toBe(true);
    expect((await stored(userId, card.id)).due.toISOString()).toBe(graded.card.state!.due);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: review.reviewId }, select: { chosenInterval: true } });
    expect(log.chosenInterval).toBe(review.chosenInterval);
    // The server's own pick for the same review, on the load it holds, would have avoided that now busy day.
    const load = await countDueByDay(sqlOn(poolOf(db)), userId, { from: NOW, to: new Date(NOW.getTime() + 30 * DAY) }, settings, card.id);
    const range = findBalanceRange(null, 4, NOW, settings)!;
    const ownPick = pickInterval(range, NOW, {
      reviewId: review.reviewId,
      easyDays: [],
      dayKey: (instant) => studyDayKey(instant, settings),
      dueOn: (key) => load[key] ?? 0,
    });
    expect(ownPick).not.toBe(review.chosenInterval);
  });

  it("picks its own day for a review sent without one, avoiding busy days, and the same again on a retry", async () => {
    const { userId, deck, settings } = await learnerWithDeck(12);
    const range = findBalanceRange(null, 4, NOW, settings)!;
    // Every day of the range but the last is busy already.
    const busyDays = Array.from({ length: range.max - range.min }, (_, index) => new Date(NOW.getTime() + (range.min + index) * DAY));
    await db.cardState.createMany({
      data: deck.cardIds.slice(1, 1 + busyDays.length * 2).map((cardId, index) => ({
        userId,
        cardId,
        due: busyDays[index % busyDays.length]!,
        stability: 10,
        difficulty: 5,
        elapsedDays: 0,
        scheduledDays: 10,
        learningSteps: 0,
        reps: 3,
        lapses: 0,
        state: 2,
        lastReview: NOW,
      })),
    });
    const review = { reviewId: randomUUID(), cardId: deck.cardIds[0]!, rating: 4 as const, reviewedAt: NOW, durationMs: 2_000 };
    const first = await syncReviews(db, userId, { learnerId: userId, sentAt: NOW, reviews: [review] }, NOW);
    const state = await stored(userId, review.cardId);
    expect(state.scheduledDays).toBe(range.max);
    expect(studyDayKey(state.due, settings)).toBe(studyDayKey(new Date(NOW.getTime() + range.max * DAY), settings));
    const retry = await syncReviews(db, userId, { learnerId: userId, sentAt: NOW, reviews: [review] }, NOW);
    expect(retry.ok && first.ok && retry.data.cards).toEqual(first.ok && first.data.cards);
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: review.reviewId }, select: { chosenInterval: true } })).chosenInterval).toBe(range.max);
  });

  it("for a device's day outside the range it computes, falls back to the pick the review id decides on an even load", async () => {
    const { userId, deck, settings } = await learnerWithDeck(1);
    const range = findBalanceRange(null, 4, NOW, settings)!;
    const review = {
      reviewId: randomUUID(),
      cardId: deck.cardIds[0]!,
      rating: 4 as const,
      reviewedAt: NOW,
      durationMs: 2_000,
      chosenInterval: range.max + 30,
    };
    expect((await syncReviews(db, userId, { learnerId: userId, sentAt: NOW, reviews: [review] }, NOW)).ok).toBe(true);
    const even = pickInterval(range, NOW, { reviewId: review.reviewId, easyDays: [], dayKey: (instant) => studyDayKey(instant, settings) });
    expect((await stored(userId, review.cardId)).scheduledDays).toBe(even);
  });

  it("keeps the device's days when its reviews reach the server out of order and the log is replayed", async () => {
    const { userId, deck, settings } = await learnerWithDeck(1);
    const phone = await loadStudyQueue(db, userId, { deckId: deck.id, now: NOW });
    const first = gradeOnDevice(phone.cards[0]!, 4, NOW, settings, phone.dueCounts);
    const later = new Date(new Date(first.graded.card.state!.due).getTime() + 2 * 3_600_000);
    const second = gradeOnDevice(first.graded.card, 3, later, settings, first.graded.dueCounts);
    expect(second.review.chosenInterval).not.toBeNull();
    const now = new Date(later.getTime() + 60_000);
    // The later review first: the server sees a new card answered Good, with no range, and keeps the device's day for later.
    expect((await syncReviews(db, userId, { learnerId: userId, reviews: [second.review] }, now)).ok).toBe(true);
    expect((await syncReviews(db, userId, { learnerId: userId, reviews: [first.review] }, now)).ok).toBe(true);
    expect((await stored(userId, deck.cardIds[0]!)).due.toISOString()).toBe(second.graded.card.state!.due);
  });

  it("places fewer reviews on the learner's easy days, on the device and on the server", async () => {
    const weekend = [0, 6];
    /** Reviews placed on each weekend day and on each weekday of the range (Wednesday to Friday), on average. */
    const perDay = async (userId: string, cardIds: string[]) => {
      const rows = await db.cardState.findMany({ where: { userId, cardId: { in: cardIds } }, select: { due: true } });
      const onWeekend = rows.filter((row) =>
        weekend.includes(new Date(`${studyDayKey(row.due, { timeZone: "Europe/Brussels", dayStartHour: 4 })}T12:00:00Z`).getUTCDay()),
      ).length;
      return { weekend: onWeekend / 2, weekday: (rows.length - onWeekend) / 3 };
    };
    const count = 24;

    // The study screen: each grade balanced on the device's load, sent through sync.
    const device = await learnerWithDeck(count, { easyDays: weekend });
    const queue = await loadStudyQueue(db, device.userId, { deckId: device.deck.id, now: NOW });
    let dueCounts = queue.dueCounts;
    const reviews = [];
    for (const [index, card] of queue.cards.slice(0, count).entries()) {
      const { graded, review } = gradeOnDevice(card, 4, new Date(NOW.getTime() + index * 1_000), device.settings, dueCounts);
      dueCounts = graded.dueCounts;
      reviews.push(review);
    }
    expect(
      (
        await syncReviews(
          db,
          device.userId,
          { learnerId: device.userId, sentAt: new Date(NOW.getTime() + count * 1_000), reviews },
          new Date(NOW.getTime() + count * 1_000),
        )
      ).ok,
    ).toBe(true);

    // POST /api/reviews: the server balances on the load in the database, with and without easy days.
    const gradeAll = async (userId: string, cardIds: string[]) => {
      for (const [index, cardId] of cardIds.entries()) {
        const result = await recordReview(
          db,
          userId,
          { reviewId: randomUUID(), cardId, rating: 4, durationMs: 1, expectedLastReview: null },
          new Date(NOW.getTime() + index * 1_000),
        );
        expect(result.ok).toBe(true);
      }
    };
    const server = await learnerWithDeck(count, { easyDays: weekend });
    await gradeAll(server.userId, server.deck.cardIds);
    const plain = await learnerWithDeck(count);
    await gradeAll(plain.userId, plain.deck.cardIds);

    // Without easy days the five days share the load evenly; an easy day takes well under half a weekday's share.
    const even = await perDay(plain.userId, plain.deck.cardIds);
    expect(Math.abs(even.weekend - even.weekday)).toBeLessThanOrEqual(1);
    for (const light of [await perDay(device.userId, device.deck.cardIds), await perDay(server.userId, server.deck.cardIds)]) {
      expect(light.weekend * 2).toBeLessThan(light.weekday);
    }
    // The Progress forecast is read from the same due dates, so it shows the light weekend.
    const forecast = buildDashboard((await loadProgressRows(db, server.userId))!, NOW).forecast.filter((day) => day.due > 0);
    const weekendDue = forecast.filter((day) => weekend.includes(new Date(`${day.day}T12:00:00Z`).getUTCDay())).reduce((total, day) => total + day.due, 0);
    expect(weekendDue / 2).toBe((await perDay(server.userId, server.deck.cardIds)).weekend);
  });

  it("tells the study screen the learner's reviews due on each study day", async () => {
    const { userId, deck, settings } = await learnerWithDeck(3);
    const due = new Date(NOW.getTime() + 5 * DAY);
    await db.cardState.createMany({
      data: deck.cardIds.slice(0, 2).map((cardId) => ({
        userId,
        cardId,
        due,
        stability: 10,
        difficulty: 5,
        elapsedDays: 0,
        scheduledDays: 5,
        learningSteps: 0,
        reps: 3,
        lapses: 0,
        state: 2,
        lastReview: NOW,
      })),
    });
    const queue = await loadStudyQueue(db, userId, { now: NOW });
    expect(queue.dueCounts).toEqual({ [studyDayKey(due, settings)]: 2 });
  });
});
