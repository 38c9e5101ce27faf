import { describe, expect, it } from "vitest";
import { studyDayKey } from "@/lib/srs/day";
import { findBalanceRange, gradeCard } from "@/lib/srs/grade";
import { countedDay, dueOnExcluding, moveDueCount, pickInterval } from "@/lib/srs/load-balance";
import { replayReviews } from "@/lib/srs/replay";
import { reviewSettingsSchema } from "@/lib/srs/settings";

const settings = reviewSettingsSchema.parse({ timeZone: "Europe/Brussels", dayStartHour: 4 });
const dayKey = (instant: Date) => studyDayKey(instant, settings);
const reviewedAt = new Date("2026-03-02T09:00:00Z"); // a Monday
const DAY_MS = 86_400_000;
const range = { min: 18, max: 22 };

function offsetOf(key: string): number {
  return Math.round((Date.parse(`${key}T12:00:00Z`) - Date.parse("2026-03-02T12:00:00Z")) / DAY_MS);
}

/** A card in review, learned at `start`, and the time of its review 20 days later. */
function reviewCard(start = new Date("2026-03-01T09:00:00Z")) {
  const learned = gradeCard(gradeCard(null, 3, start, settings).next, 3, new Date(start.getTime() + 600_000), settings).next;
  return { learned, at: new Date(start.getTime() + 20 * DAY_MS) };
}

describe("pickInterval", () => {
  it("picks the least loaded day of the range, and the last day when load falls across it", () => {
    const quiet = range.min + 2;
    expect(pickInterval(range, reviewedAt, { reviewId: "a", easyDays: [], dayKey, dueOn: (key) => (offsetOf(key) === quiet ? 1 : 30) })).toBe(quiet);
    expect(pickInterval(range, reviewedAt, { reviewId: "b", easyDays: [], dayKey, dueOn: (key) => 100 - offsetOf(key) })).toBe(range.max);
  });

  it("keeps a day chosen before while it lies in the range, whatever the load, and picks again when it does not", () => {
    const busy = (key: string) => (offsetOf(key) === 19 ? 50 : 0);
    expect(pickInterval(range, reviewedAt, { reviewId: "c", easyDays: [], dayKey, dueOn: busy, chosenInterval: 19 })).toBe(19);
    const again = pickInterval(range, reviewedAt, { reviewId: "c", easyDays: [], dayKey, dueOn: busy, chosenInterval: 40 });
    expect(again).not.toBe(19);
    expect(again).toBeGreaterThanOrEqual(range.min);
    expect(again).toBeLessThanOrEqual(range.max);
  });

  it("keeps easy days light unless the other days are much busier", () => {
    const easyDays = [0, 6];
    for (let index = 0; index < 20; index++) {
      const days = pickInterval(range, reviewedAt, { reviewId: `r-${index}`, easyDays, dayKey, dueOn: () => 5 });
      expect(easyDays).not.toContain(new Date(reviewedAt.getTime() + days * DAY_MS).getUTCDay());
    }
    const crowdedWeek = (key: string) => ([0, 6].includes(new Date(`${key}T12:00:00Z`).getUTCDay()) ? 1 : 10);
    const days = pickInterval(range, reviewedAt, { reviewId: "r", easyDays, dayKey, dueOn: crowdedWeek });
    expect(easyDays).toContain(new Date(reviewedAt.getTime() + days * DAY_MS).getUTCDay());
  });

  it("gives the same day for the same review id and spreads different ids over equally loaded days", () => {
    const pick = (id: string) => pickInterval(range, reviewedAt, { reviewId: id, easyDays: [], dayKey, dueOn: () => 0 });
    expect(pick("same-id")).toBe(pick("same-id"));
    expect(new Set(Array.from({ length: 30 }, (_, index) => pick(`id-${index}`))).size).toBeGreaterThan(1);
  });
});

describe("gradeCard with load balancing", () => {
  it("moves only the due date within ts-fsrs's fuzz range, never the memory ts-fsrs computed", () => {
    const { learned, at } = reviewCard();
    const plain = gradeCard(learned, 3, at, settings);
    const balanced = gradeCard(learned, 3, at, settings, { reviewId: "r-1", easyDays: [], dueOn: () => 0 });
    const window = findBalanceRange(learned, 3, at, settings)!;
    expect(balanced.chosenInterval).toBeGreaterThanOrEqual(window.min);
    expect(balanced.chosenInterval).toBeLessThanOrEqual(window.max);
    expect(balanced.next.due).toEqual(new Date(at.getTime() + balanced.chosenInterval! * DAY_MS));
    expect({ ...balanced.next, due: 0, scheduledDays: 0 }).toEqual({ ...plain.next, due: 0, scheduledDays: 0 });
    expect(balanced.log).toEqual(plain.log);
  });

  it("names candidate days by the learner's study day: a review before the day starts belongs to the day before", () => {
    // In January, so no daylight-saving change moves the candidate days.
    const { learned } = reviewCard(new Date("2026-01-01T09:00:00Z"));
    const lateNight = new Date("2026-01-21T02:30:00Z"); // 03:30 in Brussels, before the 04:00 day start: study day 20 January
    const asked: string[] = [];
    const { chosenInterval } = gradeCard(learned, 3, lateNight, settings, { reviewId: "r-2", easyDays: [], dueOn: (key) => (asked.push(key), 0) });
    const window = findBalanceRange(learned, 3, lateNight, settings)!;
    const expected = Array.from({ length: window.max - window.min + 1 }, (_, index) => {
      const date = new Date(Date.UTC(2026, 0, 20 + window.min + index));
      return date.toISOString().slice(0, 10);
    });
    expect(asked).toEqual(expected);
    expect(chosenInterval).not.toBeNull();
  });

  it("leaves learning steps and short intervals alone", () => {
    const first = gradeCard(null, 3, reviewedAt, settings);
    expect(gradeCard(null, 3, reviewedAt, settings, { reviewId: "r-3", easyDays: [], dueOn: () => 0 })).toEqual({ ...first, chosenInterval: null });
    expect(findBalanceRange(null, 3, reviewedAt, settings)).toBeNull();
    expect(findBalanceRange(reviewCard().learned, 3, reviewCard().at, { ...settings, enableFuzz: false })).toBeNull();
  });

  it("replays keep the day stored with each review", () => {
    const { learned, at } = reviewCard();
    const busy = (key: string) => (key === dayKey(new Date(at.getTime() + 20 * DAY_MS)) ? 0 : 9);
    const chosen = gradeCard(learned, 3, at, settings, { reviewId: "r-4", easyDays: [], dueOn: busy }).chosenInterval!;
    const events = [
      { id: "r-0", rating: 3 as const, reviewedAt: new Date("2026-03-01T09:00:00Z") },
      { id: "r-00", rating: 3 as const, reviewedAt: new Date("2026-03-01T09:10:00Z") },
      { id: "r-4", rating: 3 as const, reviewedAt: at, chosenInterval: chosen },
    ];
    expect(replayReviews(events, settings, { easyDays: [] })!.due).toEqual(new Date(at.getTime() + chosen * DAY_MS));
  });
});

describe("the device's load counts", () => {
  it("count a studied card on its due day, leave the graded card out, and follow it to its new day", () => {
    const { learned } = reviewCard();
    const own = countedDay(learned, settings)!;
    expect(countedDay(null, settings)).toBeNull();
    const counts = { [own]: 2, "2026-04-01": 1 };
    expect(dueOnExcluding(counts, own)(own)).toBe(1);
    expect(moveDueCount(counts, own, "2026-04-01")).toEqual({ [own]: 1, "2026-04-01": 2 });
    expect(moveDueCount({ [own]: 1 }, own, null)).toEqual({});
  });
});
