import { describe, expect, it } from "vitest";
import { studySettingsSchema } from "@/lib/srs/settings";
import { applySyncedStates, buildOfflineQueue, mergeOfflinePacks, recordReviewInPack, type OfflinePack } from "@/lib/study/device/offline-pack";
import { gradeLocally } from "@/lib/study/device/session";
import type { CardStateJson } from "@/lib/study/schema";

const NOW = new Date("2026-03-02T09:00:00.000Z");
const DAY = 86_400_000;
const settings = studySettingsSchema.parse({ timeZone: "Europe/Brussels", newCardsPerDay: 2 });

function packCard(id: string, position: number, state: CardStateJson | null = null) {
  return {
    id,
    kind: "QA" as const,
    prompt: `Which body is ${id}?`,
    answer: id,
    choices: [],
    explanation: "",
    tolerance: null,
    tags: [],
    sourceDocument: "",
    state,
    position,
  };
}

function pack(cards = [packCard("n1", 1), packCard("n2", 2), packCard("n3", 3)], newStarted = { day: "2026-03-02", count: 0 }): OfflinePack {
  return { deckId: "deck", title: "Deck", settings, newStarted, exams: [], cards, dueCounts: {} };
}

/** A card's state after grading it at `at`, as the device computes it. */
function gradedState(id: string, rating: 1 | 2 | 3 | 4, at: Date, previous: CardStateJson | null = null): CardStateJson {
  return gradeLocally(packCard(id, 0, previous), rating, at, settings, { reviewId: `${id}-${at.toISOString()}`, dueCounts: {} }).card.state!;
}

describe("buildOfflineQueue", () => {
  it("offers today's share of new cards, fewer when some were started today, and a fresh share the next day", () => {
    expect(buildOfflineQueue(pack(), NOW).cards.map((card) => card.id)).toEqual(["n1", "n2"]);
    expect(buildOfflineQueue(pack(undefined, { day: "2026-03-02", count: 1 }), NOW).cards.map((card) => card.id)).toEqual(["n1"]);
    expect(buildOfflineQueue(pack(undefined, { day: "2026-03-02", count: 2 }), new Date(NOW.getTime() + DAY)).counts.new).toBe(2);
  });

  it("puts cards due today first, and leaves later ones for their day", () => {
    const due = gradedState("r1", 4, new Date(NOW.getTime() - 20 * DAY));
    const later = gradedState("r2", 4, NOW);
    const queue = buildOfflineQueue(pack([packCard("r1", 0, due), packCard("r2", 0, later), packCard("n1", 1)]), NOW);
    expect(queue.cards.map((card) => card.id)).toEqual(["r1", "n1"]);
    expect(queue.nextDue).toBe(later.due);
  });
});

describe("recordReviewInPack", () => {
  it("stores the card's new state and counts a new card started today; undo gives it back", () => {
    const after = gradedState("n1", 3, NOW);
    const recorded = recordReviewInPack(pack(), "n1", null, after, NOW);
    expect(recorded.cards[0]!.state).toEqual(after);
    expect(recorded.newStarted).toEqual({ day: "2026-03-02", count: 1 });
    expect(recordReviewInPack(recorded, "n1", after, null, NOW)).toEqual(pack());
    expect(recordReviewInPack(pack(), "elsewhere", null, after, NOW)).toEqual(pack());
  });
});

describe("merging the server's pack with the device's", () => {
  it("keeps the device's state of a card with reviews waiting on it, whatever the clocks say, or newer than a stale download", () => {
    const deviceState = gradedState("n1", 3, NOW);
    const device = recordReviewInPack(pack(), "n1", null, deviceState, NOW);
    const merged = mergeOfflinePacks(pack(), device, new Set(["n1"]));
    expect(merged.cards[0]!.state).toEqual(deviceState);
    expect(merged.newStarted.count).toBe(1);
    // Waiting on the device, its state stays even when the server's copy looks newer (the phone's clock runs slow).
    const serverLater = gradedState("n1", 1, new Date(NOW.getTime() + 600_000));
    expect(mergeOfflinePacks(pack([packCard("n1", 1, serverLater)]), device, new Set(["n1"])).cards[0]!.state).toEqual(deviceState);
    // Synced: the server's state wins, unless the download predates the synced review the device holds.
    expect(mergeOfflinePacks(pack([packCard("n1", 1, serverLater)]), device, new Set()).cards[0]!.state).toEqual(serverLater);
    expect(mergeOfflinePacks(pack(), device, new Set()).cards[0]!.state).toEqual(deviceState);
  });

  it("takes the state the server returns after a sync unless the card was graded again on the device meanwhile", () => {
    const synced = gradedState("n1", 3, NOW);
    const fastClock = gradedState("n1", 3, new Date(NOW.getTime() + 600_000));
    expect(applySyncedStates(pack([packCard("n1", 1, fastClock)]), [{ cardId: "n1", state: synced }], new Set()).cards[0]!.state).toEqual(synced);
    const device = pack([packCard("n1", 1, fastClock)]);
    expect(applySyncedStates(device, [{ cardId: "n1", state: synced }], new Set(["n1"]))).toEqual(device);
  });
});
