import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createUser, recordReviews } from "../support/progress-fixtures";
import { formatReviewCsv, REVIEW_CSV_HEADER } from "@/lib/portability/csv";
import { listCsvReviews, loadPersonalExport } from "@/lib/portability/data";
import { importPersonalData } from "@/lib/portability/mutations";
import { personalExportSchema } from "@/lib/portability/schema";

const db = await createTestDb();
const NOW = new Date("2024-03-05T15:30:00Z");
const DAY_MS = 86_400_000;

/** The export as a client would receive and send it back: through JSON text. */
async function exportAsJson(userId: string) {
  return JSON.parse(JSON.stringify(await loadPersonalExport(db, userId, NOW))) as unknown;
}

describe("personal data export and import", async () => {
  const owner = await createUser(db, "owner@example.org", { timeZone: "Europe/Brussels" });
  const learner = await createUser(db, "ana@example.org", { timeZone: "Europe/Lisbon", dayStartHour: 3, newCardsPerDay: 7 });
  const stranger = await createUser(db, "stranger@example.org");
  const publicDeck = await createDeck(db, owner.id, "Public", [["Summits"], ["Summits"], ["Budget"]], true);
  const privateDeck = await createDeck(db, learner.id, "Ana's own", [["Notes"]]);
  const start = new Date("2024-02-01T09:00:00Z");
  for (const cardId of [...publicDeck.cardIds, ...privateDeck.cardIds]) {
    await recordReviews(db, learner.id, cardId, [
      { rating: 3, at: start },
      { rating: 3, at: new Date(start.getTime() + DAY_MS) },
      { rating: 2, at: new Date(start.getTime() + 5 * DAY_MS) },
    ]);
  }
  await recordReviews(db, stranger.id, publicDeck.cardIds[0]!, [{ rating: 1, at: start }]);

  it("exports exactly the learner's own settings, states and reviews in ts-fsrs field names", async () => {
    const exported = await loadPersonalExport(db, learner.id, NOW);
    expect(exported).toMatchObject({
      version: 1,
      exportedAt: NOW.toISOString(),
      settings: { timeZone: "Europe/Lisbon", dayStartHour: expect.any(Number), newCardsPerDay: 7 },
    });
    // The time zone and day start travel with a note on how elapsed days are counted, so a replay can match.
    expect(exported!.dayConvention).toMatch(/study day begins at settings\.dayStartHour o'clock in settings\.timeZone/);
    expect(exported!.cardStates).toHaveLength(4);
    expect(exported!.reviews).toHaveLength(12);
    expect(exported!.cardStates[0]).toEqual({
      cardId: expect.any(String),
      due: expect.any(Date),
      stability: expect.any(Number),
      difficulty: expect.any(Number),
      elapsed_days: expect.any(Number),
      scheduled_days: expect.any(Number),
      learning_steps: expect.any(Number),
      reps: 3,
      lapses: 0,
      state: 2,
      last_review: new Date(start.getTime() + 5 * DAY_MS),
    });
    // The stranger's Again on a shared card is theirs alone.
    expect(exported!.reviews.every((review) => review.rating !== 1)).toBe(true);
    expect(JSON.stringify(exported)).not.toContain(stranger.id);
    expect(JSON.stringify(exported)).not.toContain("stranger@example.org");
    expect(personalExportSchema.safeParse(await exportAsJson(learner.id)).success).toBe(true);
  });

  it("writes the review log as FSRS CSV: the header, then one row per review with the learner's day convention", async () => {
    const csv = formatReviewCsv(await listCsvReviews(db, learner.id), { timeZone: "Pacific/Auckland", dayStartHour: 4 });
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(REVIEW_CSV_HEADER);
    expect(REVIEW_CSV_HEADER).toBe("card_id,review_time,review_rating,review_state,review_duration,timezone,day_start");
    expect(lines).toHaveLength(13);
    expect(lines[1]).toBe(`${lines[1]!.split(",")[0]},${start.getTime()},3,0,6000,Pacific/Auckland,4`);
  });

  it("imports into a new account reproducing states and logs, skipping cards it may not see, and only once", async () => {
    const fresh = await createUser(db, "ana.new@example.org");
    // A review whose day load balancing chose keeps that day in the new account.
    const balanced = await db.reviewLog.findFirstOrThrow({
      where: { userId: learner.id, cardId: { in: publicDeck.cardIds } },
      orderBy: { reviewedAt: "desc" },
      select: { id: true },
    });
    await db.reviewLog.update({ where: { id: balanced.id }, data: { chosenInterval: 12 } });
    const parsed = personalExportSchema.parse(await exportAsJson(learner.id));
    const summary = await importPersonalData(db, fresh.id, parsed);
    // Ana's private deck is invisible to the new account: its card is skipped, with its 3 reviews.
    expect(summary).toEqual({ cardStates: 3, reviews: 9, duplicateReviews: 0, skippedCards: 1 });

    const original = await loadPersonalExport(db, learner.id, NOW);
    const copy = await loadPersonalExport(db, fresh.id, NOW);
    expect(copy!.settings).toEqual(original!.settings);
    const visible = new Set(publicDeck.cardIds);
    expect(copy!.cardStates).toEqual(original!.cardStates.filter((state) => visible.has(state.cardId)));
    // Imported reviews may get new ids (these ones belong to Ana), so compare everything else in a fixed order.
    const withoutIds = (reviews: NonNullable<typeof copy>["reviews"]) =>
      reviews.map(({ id: _id, ...rest }) => rest).sort((a, b) => a.review.getTime() - b.review.getTime() || a.cardId.localeCompare(b.cardId));
    expect(withoutIds(copy!.reviews)).toEqual(withoutIds(original!.reviews.filter((review) => visible.has(review.cardId))));
    expect(copy!.reviews.filter((review) => review.chosen_interval === 12)).toHaveLength(1);

    const again = await importPersonalData(db, fresh.id, parsed);
    expect(again).toMatchObject({ reviews: 0, duplicateReviews: 9 });
    expect(await db.reviewLog.count({ where: { userId: fresh.id } })).toBe(9);
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(12);
  });

  it("refuses a malformed export, and rolls back an import that fails part-way", async () => {
    const fresh = await createUser(db, "careful@example.org");
    const bad = (await exportAsJson(learner.id)) as { reviews: { rating: number }[] };
    bad.reviews[0]!.rating = 7;
    expect(personalExportSchema.safeParse(bad).success).toBe(false);

    const parsed = personalExportSchema.parse(await exportAsJson(learner.id));
    // Past validation, a value the database refuses (too big for its integer column) fails after the states are written.
    const target = parsed.reviews.findLast((review) => review.cardId === publicDeck.cardIds[0]);
    const poisoned = { ...parsed, reviews: parsed.reviews.map((review) => (review === target ? { ...review, durationMs: 2 ** 40 } : review)) };
    await expect(importPersonalData(db, fresh.id, poisoned)).rejects.toThrow();
    expect(await db.cardState.count({ where: { userId: fresh.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: fresh.id } })).toBe(0);
    expect(await db.user.findUnique({ where: { id: fresh.id }, select: { timeZone: true } })).toEqual({ timeZone: "UTC" });
  });
});
