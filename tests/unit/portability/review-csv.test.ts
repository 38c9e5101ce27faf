import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { describe, expect, it } from "vitest";
import { buildTrainingItems } from "@/lib/progress/training-items";
import { formatReviewCsv, REVIEW_CSV_HEADER, type CsvReview } from "@/lib/portability/csv";
import { offsetMinutes } from "../../support/zone-offset";

const DAY_MS = 86_400_000;
const START = new Date("2024-01-10T15:00:00Z");
const ZONE = { timeZone: "America/New_York", dayStartHour: 4 };

describe("formatReviewCsv", () => {
  it("writes the FSRS header and milliseconds, quoting ids that need it", () => {
    const csv = formatReviewCsv([{ cardId: 'odd,"id"', reviewedAt: START, rating: 3, state: 0, durationMs: 4_200 }], ZONE);
    expect(csv).toBe(`${REVIEW_CSV_HEADER}\n"odd,""id""",${START.getTime()},3,0,4200,America/New_York,4\n`);
  });

  it("escapes a cell a spreadsheet would run as a formula", () => {
    const csv = formatReviewCsv([{ cardId: '=HYPERLINK("http://evil.example")', reviewedAt: START, rating: 3, state: 0, durationMs: 1 }], ZONE);
    expect(csv.split("\n")[1]).toBe(`"'=HYPERLINK(""http://evil.example"")",${START.getTime()},3,0,1,America/New_York,4`);
  });

  it("is read by the FSRS optimizer into the same training items the app builds itself", () => {
    const reviews: CsvReview[] = [];
    for (let card = 0; card < 5; card++) {
      [0, 1, 4, 12].forEach((day, index) =>
        reviews.push({
          cardId: `c${card}`,
          reviewedAt: new Date(START.getTime() + day * DAY_MS + card * 60_000),
          rating: 3,
          state: index === 0 ? 0 : 2,
          durationMs: 5_000,
        }),
      );
    }
    const fromCsv = convertCsvToFsrsItems(Buffer.from(formatReviewCsv(reviews, ZONE)), ZONE.dayStartHour, ZONE.timeZone, offsetMinutes);
    const ours = buildTrainingItems(reviews, ZONE);
    expect(fromCsv.map((item) => item.reviews.map((review) => ({ rating: review.rating, deltaT: review.deltaT })))).toEqual(expect.arrayContaining(ours));
    expect(fromCsv).toHaveLength(ours.length);
  });
});
