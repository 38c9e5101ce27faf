import { describe, expect, it } from "vitest";
import type { StoredCardState } from "@/lib/srs/card-state";
import { buildStudyQueue, type QueueItem } from "@/lib/srs/queue";

// 10:00 EDT on 15 June in New York; with a 04:00 day start the study day ends at 08:00 UTC on 16 June.
const NOW = new Date("2024-06-15T14:00:00Z");
const newYork = { timeZone: "America/New_York", dayStartHour: 4 };
const MINUTE_MS = 60_000;

function stateOf(state: number, due: Date): StoredCardState {
  return {
    due,
    stability: 3,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 2,
    lapses: 0,
    state,
    lastReview: new Date(due.getTime() - MINUTE_MS),
  };
}

function item(cardId: string, state: StoredCardState | null, extra: Partial<QueueItem> = {}): QueueItem {
  return { cardId, state, suspended: false, buriedUntil: null, position: 0, ...extra };
}

const minutesFromNow = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE_MS);
const limits = (newCardsPerDay: number, newIntroducedToday: number) => ({
  now: NOW,
  daySettings: newYork,
  newCardsPerDay,
  newIntroducedToday,
});

describe("buildStudyQueue", () => {
  const items: QueueItem[] = [
    item("N1", null, { position: 3 }),
    item("R3", stateOf(2, new Date("2024-06-16T07:59:00Z"))),
    item("L1", stateOf(1, minutesFromNow(-5))),
    item("N2", stateOf(0, NOW), { position: 1 }),
    item("R4", stateOf(2, new Date("2024-06-16T08:00:00Z"))),
    item("L3", stateOf(1, minutesFromNow(30))),
    item("R1", stateOf(2, new Date("2024-06-10T12:00:00Z"))),
    item("L2", stateOf(3, minutesFromNow(-20))),
    item("N3", null, { position: 2 }),
    item("L4", stateOf(1, new Date("2024-06-16T09:00:00Z"))),
    item("R2", stateOf(2, new Date("2024-06-14T12:00:00Z"))),
    item("N4", null, { position: 0, suspended: true }),
    item("N5", null, { position: 4, buriedUntil: minutesFromNow(60) }),
    item("S1", stateOf(2, new Date("2024-06-01T12:00:00Z")), { suspended: true }),
    item("B1", stateOf(2, new Date("2024-06-02T12:00:00Z")), { buriedUntil: minutesFromNow(60) }),
    item("B2", stateOf(2, new Date("2024-06-13T12:00:00Z")), { buriedUntil: minutesFromNow(-60) }),
    item("R5", stateOf(2, new Date("2024-06-12T12:00:00Z"))),
  ];

  it("orders due learning, then reviews with new cards spread in, then later learning", () => {
    const queue = buildStudyQueue({ items, ...limits(5, 3) });
    // Learning due now by due (L2, L1); five reviews oldest first (R1, R5, B2, R2, R3) with the two new cards
    // left today (N2, N3 by position) after every ceil(5 / 2) = 3 reviews; L3 waits 30 minutes so goes last.
    // R4 and L4 fall due at or after 08:00 UTC tomorrow, the next study day.
    expect(queue.cardIds).toEqual(["L2", "L1", "R1", "R5", "B2", "N2", "R2", "R3", "N3", "L3"]);
    expect(queue.counts).toEqual({ new: 2, learning: 3, review: 5 });
  });

  it("never shows suspended cards or cards still buried", () => {
    const queue = buildStudyQueue({ items, ...limits(100, 0) });
    expect(queue.cardIds).not.toContain("S1");
    expect(queue.cardIds).not.toContain("B1");
    expect(queue.cardIds).not.toContain("N4");
    expect(queue.cardIds).not.toContain("N5");
    expect(queue.cardIds).toContain("B2");
    expect(queue.counts.new).toBe(3);
  });

  it("adds no new cards once the daily limit is used up", () => {
    const queue = buildStudyQueue({ items, ...limits(5, 7) });
    expect(queue.counts.new).toBe(0);
    expect(queue.cardIds.filter((id) => id.startsWith("N"))).toEqual([]);
  });

  it("lists new cards in position order when nothing else is due", () => {
    const fresh = ["c", "a", "b"].map((cardId) => item(cardId, null, { position: cardId.charCodeAt(0) }));
    const queue = buildStudyQueue({ items: fresh, ...limits(2, 0) });
    expect(queue.cardIds).toEqual(["a", "b"]);
    expect(queue.counts).toEqual({ new: 2, learning: 0, review: 0 });
  });

  it("spreads many new cards one per review when they outnumber reviews", () => {
    const mixed = [
      item("r1", stateOf(2, new Date("2024-06-01T00:00:00Z"))),
      item("r2", stateOf(2, new Date("2024-06-02T00:00:00Z"))),
      ...[1, 2, 3, 4].map((position) => item(`n${position}`, null, { position })),
    ];
    const queue = buildStudyQueue({ items: mixed, ...limits(20, 0) });
    expect(queue.cardIds).toEqual(["r1", "n1", "r2", "n2", "n3", "n4"]);
  });

  it("decides what is due today in the learner's zone", () => {
    // Due 05:00 UTC on 16 June: still 15 June's study day in New York (01:00 EDT), but 10:30 IST on 16 June in
    // Kolkata, whose study day containing NOW (19:30 IST) ends at 22:30 UTC on 15 June.
    const dueEarly = [item("r", stateOf(2, new Date("2024-06-16T05:00:00Z")))];
    const kolkata = { timeZone: "Asia/Kolkata", dayStartHour: 4 };
    expect(buildStudyQueue({ items: dueEarly, ...limits(20, 0) }).cardIds).toEqual(["r"]);
    expect(buildStudyQueue({ items: dueEarly, ...limits(20, 0), daySettings: kolkata }).cardIds).toEqual([]);
  });
});
