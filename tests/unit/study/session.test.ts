import { describe, expect, it } from "vitest";
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
  it("labels a new card's buttons with the learning steps, and Easy in days", () => {
    expect(answerLabels(card(), NOW, settings)).toEqual({ again: "1m", hard: "6m", good: "10m", easy: expect.stringMatching(/^\d+d$/) });
  });

  it("labels a card by the moment its answer is shown: a learning step shown late counts from then", () => {
    const again = gradeLocally(card(), 1, NOW, settings, LOAD).card;
    expect(answerLabels(again, new Date(NOW.getTime() + 60_000), settings).good).toBe("10m");
    const reviewed = gradeLocally(card(), 4, NOW, settings, LOAD).card;
    const soon = answerLabels(reviewed, new Date(NOW.getTime() + 60_000), settings);
    const later = answerLabels(reviewed, new Date(NOW.getTime() + 20 * 86_400_000), settings);
    expect(soon.good).not.toBe(later.good);
  });
});
