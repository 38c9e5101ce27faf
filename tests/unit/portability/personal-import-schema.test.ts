import { describe, expect, it } from "vitest";
import { personalExportSchema } from "@/lib/portability/schema";

const NOW = new Date().toISOString();
const settings = {
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  maximumInterval: 36500,
  learningSteps: ["1m"],
  relearningSteps: ["10m"],
  enableFuzz: true,
  timeZone: "UTC",
  dayStartHour: 4,
  fsrsParameters: [],
};
const state = {
  cardId: "card-1",
  due: NOW,
  stability: 3,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 3,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: NOW,
};
const review = {
  id: "review-1",
  cardId: "card-1",
  rating: 3,
  state: 0,
  due: NOW,
  stability: 0,
  difficulty: 0,
  elapsed_days: 0,
  last_elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  review: NOW,
  durationMs: 4000,
};
const exported = (changes: { state?: object; review?: object }) => ({
  version: 1,
  exportedAt: NOW,
  settings,
  cardStates: [{ ...state, ...changes.state }],
  reviews: [{ ...review, ...changes.review }],
});
const problemAt = (data: unknown) => {
  const parsed = personalExportSchema.safeParse(data);
  return parsed.success ? null : parsed.error.issues[0]!.path.join(".");
};

describe("personal import bounds", () => {
  it("accepts a well-formed export", () => {
    expect(problemAt(exported({}))).toBeNull();
  });

  it.each([
    ["reps of 3e9 (past the database's integer)", { state: { reps: 3e9 } }, "cardStates.0.reps"],
    ["lapses of 3e9", { state: { lapses: 3e9 } }, "cardStates.0.lapses"],
    ["a review dated 9999-12-31", { review: { review: "9999-12-31T00:00:00.000Z" } }, "reviews.0.review"],
    ["a review dated 1970", { review: { review: "1970-01-01T00:00:00.000Z" } }, "reviews.0.review"],
    ["a last review in the future", { state: { last_review: "9999-12-31T00:00:00.000Z" } }, "cardStates.0.last_review"],
    ["a due date in the year 9999", { state: { due: "9999-12-31T00:00:00.000Z" } }, "cardStates.0.due"],
  ])("refuses %s, naming where", (_name, changes, path) => {
    expect(problemAt(exported(changes))).toBe(path);
  });
});
