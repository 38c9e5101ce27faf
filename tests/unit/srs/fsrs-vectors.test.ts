import { describe, expect, it } from "vitest";
import type { StoredCardState } from "@/lib/srs/card-state";
import { gradeCard, type ReviewRating } from "@/lib/srs/grade";
import { reviewSettingsSchema } from "@/lib/srs/settings";

// The published FSRS-6 vectors (ts-fsrs __tests__/FSRS-6.test.ts, memory state from fsrs-rs inference.rs) use
// fsrs({ w: default FSRS-6 weights }): fuzz off, short-term on, and ts-fsrs's default steps 1m,10m / 10m, which
// are also this app's defaults. They start at 12:30 so the 1m/10m steps never cross the start of a study day (04:00
// in UTC by default), which would change the day count; the UTC instant keeps that true whatever zone the tests run in.
const settings = reviewSettingsSchema.parse({ enableFuzz: false });
const START = new Date("2022-12-29T12:30:00Z");
const DAY_MS = 86_400_000;
const AGAIN = 1;
const GOOD = 3;

describe("FSRS-6 published vectors through gradeCard", () => {
  it("reviewing at each due time gives the published interval history", () => {
    const ratings: ReviewRating[] = [GOOD, GOOD, GOOD, GOOD, GOOD, GOOD, AGAIN, AGAIN, GOOD, GOOD, GOOD, GOOD, GOOD];
    let state: StoredCardState | null = null;
    let now = START;
    const scheduledDays: number[] = [];
    for (const rating of ratings) {
      state = gradeCard(state, rating, now, settings).next;
      scheduledDays.push(state.scheduledDays);
      now = state.due;
    }
    expect(scheduledDays).toEqual([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
  });

  it("Again then five Goods at day offsets 0,0,1,3,8,21 give the published memory state", () => {
    const ratings: ReviewRating[] = [AGAIN, GOOD, GOOD, GOOD, GOOD, GOOD];
    const offsetsInDays = [0, 0, 1, 3, 8, 21];
    let state: StoredCardState | null = null;
    let now = START;
    ratings.forEach((rating, index) => {
      now = new Date(now.getTime() + offsetsInDays[index]! * DAY_MS);
      state = gradeCard(state, rating, now, settings).next;
    });
    expect(state!.stability).toBeCloseTo(53.6269, 4);
    expect(state!.difficulty).toBeCloseTo(6.3575, 4);
  });

  it("passing the default weights explicitly changes nothing", () => {
    const explicit = reviewSettingsSchema.parse({
      enableFuzz: false,
      fsrsParameters: [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912,
        0.0658, 0.1542,
      ],
    });
    let implicitState: StoredCardState | null = null;
    let explicitState: StoredCardState | null = null;
    let now = START;
    for (const rating of [GOOD, GOOD, AGAIN, GOOD] as ReviewRating[]) {
      implicitState = gradeCard(implicitState, rating, now, settings).next;
      explicitState = gradeCard(explicitState, rating, now, explicit).next;
      now = implicitState.due;
    }
    expect(explicitState).toEqual(implicitState);
  });
});
