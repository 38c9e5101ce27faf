import { convertCsvToFsrsItems, FSRSBinding, type FSRSBindingItem, type MemoryState } from "@open-spaced-repetition/binding";
import { describe, expect, it } from "vitest";
import { offsetMinutes } from "../../support/zone-offset";
import { seededRandom } from "../../support/seeded-random";
import { formatReviewCsv, type CsvReview } from "@/lib/portability/csv";
import type { StoredCardState } from "@/lib/srs/card-state";
import { gradeCard, type ReviewRating } from "@/lib/srs/grade";
import { toFsrsClock } from "@/lib/srs/learner-day";
import { reviewSettingsSchema, type DaySettings } from "@/lib/srs/settings";

const HOUR_MS = 3_600_000;
const CARDS = 40;
const REVIEWS_PER_CARD = 8;
// Learners in UTC+13 (Tonga keeps it all year), UTC−10 (Hawaii has no DST) and UTC, each with a day starting at 0 and at 4.
const LEARNERS: DaySettings[] = ["Pacific/Tongatapu", "Pacific/Honolulu", "UTC"].flatMap((timeZone) =>
  [0, 4].map((dayStartHour) => ({ timeZone, dayStartHour })),
);

/** A learner's log: each card reviewed around its due time at any hour of the day, so reviews fall on both sides of midnight. */
function studyLog(day: DaySettings, seed: number) {
  const random = seededRandom(seed);
  const settings = reviewSettingsSchema.parse({ enableFuzz: false, ...day });
  const finals = new Map<string, StoredCardState>();
  const reviews: CsvReview[] = [];
  for (let card = 0; card < CARDS; card++) {
    const cardId = `card-${card}`;
    let state: StoredCardState | null = null;
    let now = new Date(Date.UTC(2025, 0, 6) + Math.floor(random() * 48 * HOUR_MS));
    for (let index = 0; index < REVIEWS_PER_CARD; index++) {
      const roll = random();
      const rating = (roll < 0.15 ? 1 : roll < 0.25 ? 2 : roll < 0.9 ? 3 : 4) as ReviewRating;
      const { next, log } = gradeCard(state, rating, now, settings);
      reviews.push({ cardId, reviewedAt: now, rating, state: log.state, durationMs: 5_000 });
      state = next;
      // Back at the due time, give or take up to 11 hours, never before the review just made.
      now = new Date(Math.max(now.getTime() + 60_000, next.due.getTime() + Math.round((random() - 0.5) * 22 * HOUR_MS)));
    }
    finals.set(cardId, state!);
  }
  return { reviews, finals };
}

/** Memory state fsrs-rs reaches over an item, one review at a time, with FSRS-6 default weights. */
function replayInFsrsRs(fsrs: FSRSBinding, item: FSRSBindingItem): MemoryState {
  let memory: MemoryState | null = null;
  for (const review of item.reviews) {
    const next = fsrs.nextStates(memory, 0.9, review.deltaT);
    memory = [next.again, next.hard, next.good, next.easy][review.rating - 1]!.memory;
  }
  return memory!;
}

describe("FSRS days on the learner's day", () => {
  it("lays the learner's study day onto the UTC date ts-fsrs counts, keeping the time since the day began", () => {
    const auckland = { timeZone: "Pacific/Tongatapu", dayStartHour: 4 };
    // 02:30 on 11 January in Tonga is before 04:00, so still the study day of 10 January, 22.5 hours in.
    expect(toFsrsClock(new Date("2025-01-10T13:30:00Z"), auckland)).toEqual(new Date("2025-01-10T22:30:00Z"));
    expect(toFsrsClock(new Date("2025-01-10T15:00:00Z"), auckland)).toEqual(new Date("2025-01-11T00:00:00Z"));
    const instant = new Date("2025-03-01T17:45:00Z");
    expect(toFsrsClock(instant, { timeZone: "UTC", dayStartHour: 0 })).toEqual(instant);
  });

  it.each(LEARNERS)("exported logs replayed through fsrs-rs with Anki's day counting give the app's memory states (%o)", (day) => {
    const { reviews, finals } = studyLog(day, day.dayStartHour * 1000 + day.timeZone.length);
    const fsrs = new FSRSBinding();
    let compared = 0;
    const differences: string[] = [];
    for (const [cardId, state] of finals) {
      const csv = formatReviewCsv(
        reviews.filter((review) => review.cardId === cardId),
        day,
      );
      // fsrs-rs reads a log as Anki does: days counted between the learner's study days.
      const items = convertCsvToFsrsItems(Buffer.from(csv), day.dayStartHour, day.timeZone, offsetMinutes);
      const whole = items.at(-1);
      if (!whole || whole.reviews.length !== REVIEWS_PER_CARD) continue;
      compared += 1;
      const memory = replayInFsrsRs(fsrs, whole);
      const off = (ours: number, theirs: number) => Math.abs(ours - theirs) > 1e-3 * Math.max(1, Math.abs(ours));
      if (off(state.stability, memory.stability) || off(state.difficulty, memory.difficulty)) {
        differences.push(`${cardId}: app S=${state.stability} D=${state.difficulty}, fsrs-rs S=${memory.stability} D=${memory.difficulty}`);
      }
    }
    expect(compared).toBeGreaterThan(CARDS * 0.75);
    expect(differences).toEqual([]);
  });
});
