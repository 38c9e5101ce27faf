import { describe, expect, it } from "vitest";
import { summarizeDailyActivity, summarizeWeeklyActivity } from "@/lib/progress/activity";
import { forecastDueCards } from "@/lib/progress/forecast";
import { measureWeeklyRetention } from "@/lib/progress/retention";
import type { MemoryRow, ReviewRow } from "@/lib/progress/rows";
import { measureStreak } from "@/lib/progress/streak";
import { summarizeToday } from "@/lib/progress/today";

// 10:20 in New York (EST), 00:20 the next calendar day in Tokyo: the two zones disagree on the date.
const NOW = new Date("2024-03-05T15:20:00Z");
const NEW_YORK = { timeZone: "America/New_York", dayStartHour: 4 };
const TOKYO = { timeZone: "Asia/Tokyo", dayStartHour: 4 };
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function review(at: string, fields: Partial<ReviewRow> = {}): ReviewRow {
  return { cardId: "c1", rating: 3, state: 2, reviewedAt: new Date(at), durationMs: 5_000, ...fields };
}

function memory(cardId: string, due: Date, fields: Partial<MemoryRow> = {}): MemoryRow {
  return { cardId, state: 2, due, stability: 5, scheduledDays: 5, suspended: false, ...fields };
}

describe("summarizeToday", () => {
  it("counts today's reviews and time in the learner's study day", () => {
    const reviews = [
      review("2024-03-05T09:30:00Z", { state: 0, durationMs: 4_000 }), // 04:30 in New York: today, a first review
      review("2024-03-05T12:00:00Z", { durationMs: 6_000 }),
      review("2024-03-05T08:30:00Z", { state: 0 }), // 03:30 in New York: still yesterday's study day
    ];
    expect(summarizeToday({ reviews, now: NOW, daySettings: NEW_YORK })).toEqual({ reviewsToday: 2, timeTodayMs: 10_000 });
  });
});

describe("measureStreak", () => {
  // In Tokyo with a 04:00 day start, NOW belongs to the study day of 5 March.
  const reviews = ["2024-03-04T20:00:00Z", "2024-03-03T22:00:00Z", "2024-03-03T01:00:00Z"].map((at) => new Date(at));

  it("counts consecutive study days in the learner's zone, not UTC dates", () => {
    expect(measureStreak(reviews, NOW, TOKYO)).toEqual({ current: 3, studiedToday: true, longest: 3 });
    // In New York the same instants fall on 2, 3 and 4 March: nothing today, so the streak lives on from yesterday.
    expect(measureStreak(reviews, NOW, NEW_YORK)).toEqual({ current: 3, studiedToday: false, longest: 3 });
  });

  it("keeps the streak alive from yesterday until today ends, and breaks it after a missed day", () => {
    expect(measureStreak(reviews.slice(1), NOW, TOKYO)).toEqual({ current: 2, studiedToday: false, longest: 2 });
    expect(measureStreak(reviews.slice(2), NOW, TOKYO)).toEqual({ current: 0, studiedToday: false, longest: 1 });
    expect(measureStreak([], NOW, TOKYO)).toEqual({ current: 0, studiedToday: false, longest: 0 });
  });

  it("ignores reviews stamped in the future", () => {
    expect(measureStreak([new Date(NOW.getTime() + 3 * DAY_MS)], NOW, TOKYO).current).toBe(0);
  });
});

describe("activity", () => {
  it("lists the last N study days oldest first with reviews and time, idle days as zeros", () => {
    const daily = summarizeDailyActivity(
      [review("2024-03-05T09:30:00Z"), review("2024-03-05T08:30:00Z", { durationMs: 1_000 }), review("2023-01-01T12:00:00Z")],
      NOW,
      NEW_YORK,
      365,
    );
    expect(daily).toHaveLength(365);
    expect(daily.at(-1)).toEqual({ day: "2024-03-05", reviews: 1, durationMs: 5_000 });
    expect(daily.at(-2)).toEqual({ day: "2024-03-04", reviews: 1, durationMs: 1_000 });
    expect(daily[0]?.day).toBe("2023-03-07");
    expect(daily.reduce((sum, day) => sum + day.reviews, 0)).toBe(2);
  });

  it("sums days into Monday-started weeks", () => {
    const daily = summarizeDailyActivity([review("2024-03-05T12:00:00Z"), review("2024-03-03T12:00:00Z")], NOW, NEW_YORK, 10);
    expect(summarizeWeeklyActivity(daily)).toEqual([
      { weekStart: "2024-02-19", reviews: 0, durationMs: 0 },
      { weekStart: "2024-02-26", reviews: 1, durationMs: 5_000 },
      { weekStart: "2024-03-04", reviews: 1, durationMs: 5_000 },
    ]);
  });
});

describe("measureWeeklyRetention", () => {
  it("counts only reviews of cards in review state, passing at Hard or better", () => {
    const weeks = measureWeeklyRetention(
      [
        review("2024-03-05T12:00:00Z", { rating: 1 }),
        review("2024-03-05T12:00:00Z", { rating: 2 }),
        review("2024-03-04T12:00:00Z", { rating: 4 }),
        review("2024-03-04T12:00:00Z", { rating: 1, state: 1 }),
        review("2024-03-04T12:00:00Z", { rating: 1, state: 0 }),
        review("2024-02-27T12:00:00Z", { rating: 3 }),
      ],
      NOW,
      NEW_YORK,
      3,
    );
    expect(weeks).toEqual([
      { weekStart: "2024-02-19", reviews: 0, passed: 0, retention: null },
      { weekStart: "2024-02-26", reviews: 1, passed: 1, retention: 1 },
      { weekStart: "2024-03-04", reviews: 3, passed: 2, retention: 2 / 3 },
    ]);
  });
});

describe("forecastDueCards", () => {
  it("puts overdue cards today, splits days at the day-start hour and skips new and suspended cards", () => {
    const forecast = forecastDueCards(
      [
        memory("overdue", new Date("2024-02-01T12:00:00Z")),
        memory("tonight", new Date("2024-03-06T08:30:00Z")), // 03:30 on 6 March in New York: still today's study day
        memory("tomorrow", new Date("2024-03-06T09:30:00Z")),
        memory("learning", new Date("2024-03-06T09:30:00Z"), { state: 1 }),
        memory("far", new Date("2024-06-01T12:00:00Z")),
        memory("new", NOW, { state: 0 }),
        memory("suspended", NOW, { suspended: true }),
      ],
      NOW,
      NEW_YORK,
      30,
    );
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: "2024-03-05", due: 2 });
    expect(forecast[1]).toEqual({ day: "2024-03-06", due: 2 });
    expect(forecast.reduce((sum, day) => sum + day.due, 0)).toBe(4);
  });
});
