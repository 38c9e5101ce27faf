import { describe, expect, it } from "vitest";
import { examPhase, finishDay, forecastRecall, measurePace, newCardPace, predictRecall, predictRecallOnSchedule } from "@/lib/srs/exam";
import { gradeCard } from "@/lib/srs/grade";
import { reviewSettingsSchema } from "@/lib/srs/settings";

const settings = reviewSettingsSchema.parse({});
const day = { timeZone: "Europe/Brussels", dayStartHour: 4 };
const plan = { examDay: "2026-03-31", targetRecall: 0.9, finishDaysBefore: 7 };

describe("exam phases and the new-card pace", () => {
  it("paces until the finish day, then spreads what is left over the final days, then stops after the exam", () => {
    expect(finishDay(plan)).toBe("2026-03-24");
    expect(examPhase(plan, new Date("2026-03-23T12:00:00Z"), day)).toBe("pacing");
    expect(newCardPace(plan, 30, new Date("2026-03-04T12:00:00Z"), day)).toBe(2); // 20 days: 1.5 rounds up
    expect(examPhase(plan, new Date("2026-03-24T12:00:00Z"), day)).toBe("final");
    expect(newCardPace(plan, 14, new Date("2026-03-24T12:00:00Z"), day)).toBe(2); // 7 days left before the exam
    expect(examPhase(plan, new Date("2026-03-31T12:00:00Z"), day)).toBe("over");
    expect(newCardPace(plan, 14, new Date("2026-03-31T12:00:00Z"), day)).toBeNull();
  });
});

describe("recall on exam day", () => {
  const now = new Date("2026-03-02T10:00:00Z");
  const exam = new Date("2026-03-31T03:00:00Z");
  const studied = gradeCard(null, 3, now, settings).next;

  it("counts a card never studied as 0 unless it is studied on schedule", () => {
    expect(predictRecall(null, exam, settings)).toBe(0);
    expect(predictRecallOnSchedule(null, now, exam, settings)).toBeGreaterThan(0.85);
  });

  it("keeps every review on schedule above stopping now, and moves between them with the pace", () => {
    const stopped = predictRecall(studied, exam, settings);
    const kept = predictRecallOnSchedule(studied, now, exam, settings);
    expect(kept).toBeGreaterThan(stopped);
    expect(forecastRecall(studied, now, exam, 0, settings)).toBe(stopped);
    expect(forecastRecall(studied, now, exam, 0.5, settings)).toBeCloseTo((stopped + kept) / 2, 10);
  });

  it("measures the pace as the share of the last seven study days with a review", () => {
    const reviews = ["2026-03-02T08:00:00Z", "2026-03-01T20:00:00Z", "2026-03-02T02:00:00Z", "2026-02-20T10:00:00Z"].map((iso) => new Date(iso));
    // 02:00 Brussels time on the 2nd still belongs to the study day of the 1st; the 20th is outside the week.
    expect(measurePace(reviews, now, day)).toBeCloseTo(2 / 7, 10);
  });
});
