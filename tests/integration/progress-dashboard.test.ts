import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createUser, recordReviews } from "../support/progress-fixtures";
import { buildDashboard } from "@/lib/progress/dashboard";
import { loadCardProgress, loadDeckProgress, loadProgressRows } from "@/lib/progress/data";
import { listStudyDecks } from "@/lib/study/queue/deck-list";

const db = await createTestDb();

// 00:30 on 6 March in Tokyo, where the study day starts at 04:00: still the study day of 5 March, while UTC says 4 March.
const NOW = new Date("2024-03-05T15:30:00Z");
const at = (iso: string) => new Date(iso);
const firstPage = { page: 1, search: "", now: NOW };

describe("dashboard numbers from seeded reviews", async () => {
  const learner = await createUser(db, "kenji@example.org", { timeZone: "Asia/Tokyo", dayStartHour: 4, newCardsPerDay: 5 });
  const other = await createUser(db, "other@example.org");
  const own = await createDeck(db, learner.id, "Summits", [["Summits"], ["Summits", "Defence spending"], ["Defence spending"], []]);
  const secret = await createDeck(db, other.id, "Private notes", [["Secret"]]);
  const [first, second, third] = own.cardIds as [string, string, string, string];

  // Three Tokyo study days in a row (3, 4 and 5 March); the first two reviews sit on one UTC date, 3 March.
  await recordReviews(db, learner.id, first, [
    { rating: 3, at: at("2024-03-03T01:00:00Z") }, // 10:00 on 3 March in Tokyo
    { rating: 3, at: at("2024-03-03T22:00:00Z") }, // 07:00 on 4 March in Tokyo
  ]);
  await recordReviews(db, learner.id, second, [{ rating: 4, at: at("2024-03-04T20:00:00Z") }]); // 05:00 on 5 March in Tokyo
  await recordReviews(db, learner.id, third, [{ rating: 3, at: at("2024-03-05T14:00:00Z") }]); // 23:00 on 5 March: today
  await recordReviews(db, other.id, secret.cardIds[0]!, [{ rating: 1, at: at("2024-03-05T14:00:00Z") }]);

  it("computes today, the streak in the learner's zone, and cards by state", async () => {
    const rows = await loadProgressRows(db, learner.id);
    const dashboard = buildDashboard(rows!, NOW);
    expect(dashboard.streak).toEqual({ current: 3, studiedToday: true, longest: 3 });
    expect(dashboard.today.reviewsToday).toBe(2);
    // Two first reviews today leave 3 of the 5 allowed, but only one card is still unstudied.
    expect((await listStudyDecks(db, learner.id, NOW)).today.new).toBe(1);
    expect(dashboard.totalReviews).toBe(4);
    expect(dashboard.heatmap.at(-1)).toEqual({ day: "2024-03-05", reviews: 2, durationMs: 12_000 });
    expect(dashboard.decks).toEqual([{ deckId: own.deckId, name: "Summits", counts: { new: 1, learning: 1, young: 2, mature: 0 }, total: 4 }]);
    expect(dashboard.topics.map((topic) => topic.tag)).toEqual(["Defence spending", "Summits"]);
    expect(dashboard.forecast.reduce((sum, day) => sum + day.due, 0)).toBe(3);
  });

  it("never shows another learner's private deck or card", async () => {
    expect(await loadDeckProgress(db, learner.id, secret.deckId, firstPage)).toBeNull();
    expect(await loadCardProgress(db, learner.id, secret.cardIds[0]!)).toBeNull();
    const mine = await loadCardProgress(db, learner.id, first);
    expect(mine?.reviews.map((review) => review.rating)).toEqual([3, 3]);
    const deck = await loadDeckProgress(db, learner.id, own.deckId, firstPage);
    expect(deck?.reviewCount).toBe(4);
    // Private works both ways: the other learner cannot open this learner's deck either.
    expect(await loadDeckProgress(db, other.id, own.deckId, firstPage)).toBeNull();
  });

  it("shows a public deck to everyone, with each learner's own memory only", async () => {
    const shared = await createDeck(db, other.id, "Public basics", [["Basics"]], true);
    await recordReviews(db, other.id, shared.cardIds[0]!, [{ rating: 3, at: at("2024-03-01T10:00:00Z") }]);
    const view = await loadDeckProgress(db, learner.id, shared.deckId, firstPage);
    expect(view?.states).toEqual([]);
    expect(view?.reviewCount).toBe(0);
  });
});
