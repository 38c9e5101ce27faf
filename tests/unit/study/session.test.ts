import { describe, expect, it } from "vitest";
import { studyDayKey } from "@/lib/srs/day";
import { formatInterval } from "@/lib/srs/format-interval";
import { studySettingsSchema } from "@/lib/srs/settings";
import type { StudyCard } from "@/lib/study/schema";
import { answerLabels, countQueue, gradeLocally } from "@/lib/study/device/session";

const NOW = new Date("2026-03-02T09:00:00.000Z");
const settings = studySettingsSchema.parse({ timeZone: "Europe/Brussels" });
const LOAD = { reviewId: "r-1", dueCounts: {} };

function card(state: StudyCard["state"] = null): StudyCard {
  return {
    id: "c1",
    kind: "QA",
    prompt: "Who chairs the North Atlantic Council?",
    answer: "The Secretary General",
    choices: [],
    explanation: "",
    tolerance: null,
    tags: [],
    sourceDocument: "",
    state,
  };
}

describe("gradeLocally", () => {
  it("keeps a new card answered Again in today's session", () => {
    const graded = gradeLocally(card(), 1, NOW, settings, LOAD);
    expect(graded.comesBack).toBe(true);
    expect(graded.card.state).toMatchObject({ state: 1, reps: 1, lastReview: NOW.toISOString() });
  });

  it("lets a card answered Easy leave the session", () => {
    const graded = gradeLocally(card(), 4, NOW, settings, LOAD);
    expect(graded.comesBack).toBe(false);
    expect(graded.card.state?.state).toBe(2);
  });
});

describe("countQueue", () => {
  it("counts new, learning (including relearning) and review cards", () => {
    const learning = gradeLocally(card(), 1, NOW, settings, LOAD).card;
    const review = gradeLocally(card(), 4, NOW, settings, LOAD).card;
    const relearning = gradeLocally(review, 1, new Date(NOW.getTime() + 30 * 86_400_000), settings, LOAD).card;
    expect(relearning.state?.state).toBe(3);
    expect(countQueue([card(), learning, review, relearning])).toEqual({ new: 1, learning: 2, review: 1 });
  });
});

describe("answerLabels", () => {
  const noFuzz = studySettingsSchema.parse({ timeZone: "Europe/Brussels", enableFuzz: false });
  const DAY = 86_400_000;
  const UNIT_MS: Record<string, number> = { m: 6e4, h: 36e5, d: DAY, mo: (DAY * 365) / 12, y: DAY * 365 };
  const labelMs = (label: string) => {
    const match = /^([\d.]+)(m|h|d|mo|y)$/.exec(label);
    if (!match) throw new Error(`Unexpected label ${label}`);
    return Number(match[1]) * UNIT_MS[match[2]!]!;
  };
  /** A card learned with two Goods, then shown `daysLate` days after it fell due. */
  function reviewCard(daysLate: number) {
    const learning = gradeLocally(card(), 3, NOW, settings, LOAD).card;
    const review = gradeLocally(learning, 3, new Date(NOW.getTime() + 10 * 60_000), settings, LOAD).card;
    return { review, at: new Date(Date.parse(review.state!.due) + daysLate * DAY) };
  }

  it("labels a new card's buttons with the learning steps, and Easy at the first stability", () => {
    // Hard averages steps 1 and 2, (1m + 10m) / 2 rounded; Easy graduates at w[3] = 8.2956 days of stability.
    expect(answerLabels(card(), NOW, noFuzz, LOAD)).toEqual({ again: "1m", hard: "6m", good: "10m", easy: "8d" });
  });

  it("orders a review card's buttons strictly, Again going back to relearning", () => {
    const { review, at } = reviewCard(3);
    const labels = answerLabels(review, at, settings, LOAD);
    expect(labels.again).toBe("10m");
    const spans = [labels.again, labels.hard, labels.good, labels.easy].map(labelMs);
    for (let index = 1; index < 4; index++) expect(spans[index]).toBeGreaterThan(spans[index - 1]!);
  });

  it("counts from the moment the answer is shown", () => {
    const { review, at } = reviewCard(0);
    expect(answerLabels(review, at, settings, LOAD).good).not.toBe(answerLabels(review, new Date(at.getTime() + 20 * DAY), settings, LOAD).good);
  });

  it("names the day the grade will be scheduled on, load balancing and fuzz included", () => {
    const { review, at } = reviewCard(2);
    const quiet = answerLabels(review, at, settings, LOAD);
    const good = gradeLocally(review, 3, at, settings, LOAD);
    expect(quiet.good).toBe(formatInterval(Date.parse(good.card.state!.due) - at.getTime()));
    // The same review with that day already full of reviews: the label moves with the grade to a quieter day.
    const busy = { reviewId: LOAD.reviewId, dueCounts: { [studyDayKey(new Date(good.card.state!.due), settings)]: 500 } };
    const moved = gradeLocally(review, 3, at, settings, busy);
    expect(moved.card.state!.due).not.toBe(good.card.state!.due);
    expect(answerLabels(review, at, settings, busy).good).toBe(formatInterval(Date.parse(moved.card.state!.due) - at.getTime()));
    expect(answerLabels(review, at, settings, busy).good).not.toBe(quiet.good);
  });
});
