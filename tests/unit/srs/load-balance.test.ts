import { get_fuzz_range } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { studyDayKey } from "@/lib/srs/day";
import { gradeCard } from "@/lib/srs/grade";
import { balanceReview, pickBalancedInterval } from "@/lib/srs/load-balance";
import { reviewSettingsSchema } from "@/lib/srs/settings";

const settings = reviewSettingsSchema.parse({});
const daySettings = { timeZone: "Europe/Brussels", dayStartHour: 4 };
const dayKey = (instant: Date) => studyDayKey(instant, daySettings);
const reviewedAt = new Date("2026-03-02T09:00:00Z"); // a Monday
const DAY_MS = 86_400_000;

function offsetOf(key: string): number {
  return Math.round((Date.parse(`${key}T12:00:00Z`) - Date.parse("2026-03-02T12:00:00Z")) / DAY_MS);
}

describe("load balancing", () => {
  const range = get_fuzz_range(20, 0, settings.maximumInterval);

  it("picks the least loaded day inside ts-fsrs's own fuzz range", () => {
    const quiet = range.min_ivl + 2;
    const dueOn = (key: string) => (offsetOf(key) === quiet ? 1 : 30);
    expect(pickBalancedInterval(20, 0, reviewedAt, "review-a", settings, { dueOn, easyDays: [], dayKey })).toBe(quiet);
    // Every candidate stays within the range whatever the load.
    const busy = (key: string) => 100 - offsetOf(key);
    const picked = pickBalancedInterval(20, 0, reviewedAt, "review-b", settings, { dueOn: busy, easyDays: [], dayKey })!;
    expect(picked).toBe(range.max_ivl);
  });

  it("keeps easy days light unless the other days are much busier", () => {
    const flat = () => 5;
    const easyDays = [0, 6];
    for (let index = 0; index < 20; index++) {
      const days = pickBalancedInterval(20, 0, reviewedAt, `review-${index}`, settings, { dueOn: flat, easyDays, dayKey })!;
      expect(easyDays).not.toContain(new Date(reviewedAt.getTime() + days * DAY_MS).getUTCDay());
    }
  });

  it("gives the same day for the same review id and spreads different ids over equally loaded days", () => {
    const flat = () => 0;
    const pick = (id: string) => pickBalancedInterval(20, 0, reviewedAt, id, settings, { dueOn: flat, easyDays: [], dayKey });
    expect(pick("same-id")).toBe(pick("same-id"));
    expect(new Set(Array.from({ length: 30 }, (_, index) => pick(`id-${index}`))).size).toBeGreaterThan(1);
  });

  it("moves only the due date of a review, never the memory ts-fsrs computed, and leaves short intervals alone", () => {
    const learned = gradeCard(gradeCard(null, 3, reviewedAt, settings).next, 3, new Date(reviewedAt.getTime() + 600_000), settings).next;
    const later = new Date(reviewedAt.getTime() + 20 * DAY_MS);
    const { next } = gradeCard(learned, 4, later, settings);
    const balanced = balanceReview(learned, next, 4, later, "r-1", settings, { dueOn: () => 0, easyDays: [], dayKey });
    expect({ ...balanced, due: undefined, scheduledDays: undefined }).toEqual({ ...next, due: undefined, scheduledDays: undefined });
    const first = gradeCard(null, 3, reviewedAt, settings).next;
    expect(balanceReview(null, first, 3, reviewedAt, "r-2", settings, { dueOn: () => 0, easyDays: [], dayKey })).toBe(first);
  });
});
