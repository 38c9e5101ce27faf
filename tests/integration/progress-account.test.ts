import { describe, expect, it } from "vitest";
import { settingsForm } from "../support/settings-form";
import { createTestDb } from "../support/test-db";
import { createDeck, createUser, recordReviews } from "../support/progress-fixtures";
import { deleteAccount, saveFsrsParameters, saveStudySettings } from "@/lib/users/mutations";
import { findUserSettings } from "@/lib/users/data";
import { parseStudySettingsForm } from "@/lib/users/settings-form";

const db = await createTestDb();
const AT = new Date("2024-03-05T10:00:00Z");

describe("delete account", () => {
  it("removes every personal row and leaves other people's data alone", async () => {
    const leaver = await createUser(db, "leaver@example.org");
    const stayer = await createUser(db, "stayer@example.org");
    const leaverDeck = await createDeck(db, leaver.id, "Mine", [["A"]]);
    const stayerDeck = await createDeck(db, stayer.id, "Theirs", [["B"]], true);
    await recordReviews(db, leaver.id, leaverDeck.cardIds[0]!, [{ rating: 3, at: AT }]);
    await recordReviews(db, leaver.id, stayerDeck.cardIds[0]!, [{ rating: 3, at: AT }]);
    await recordReviews(db, stayer.id, stayerDeck.cardIds[0]!, [{ rating: 4, at: AT }]);
    const sharedClass = await db.class.create({ data: { name: "NATO 101", joinCode: "JOIN1" } });
    await db.classMember.createMany({
      data: [
        { classId: sharedClass.id, userId: leaver.id, role: "STUDENT" },
        { classId: sharedClass.id, userId: stayer.id, role: "TEACHER" },
      ],
    });
    await db.quizAttempt.create({ data: { userId: leaver.id, deckId: stayerDeck.deckId, total: 5, correct: 4, durationMs: 60_000 } });
    await db.rateLimit.create({ data: { key: "signin:email:leaver@example.org", windowStart: AT, count: 1 } });

    await deleteAccount(db, leaver.id);

    expect(await db.user.findUnique({ where: { id: leaver.id } })).toBeNull();
    expect(await db.cardState.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await db.classMember.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await db.quizAttempt.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await db.deck.count({ where: { ownerId: leaver.id } })).toBe(0);
    expect(await db.card.count({ where: { deckId: leaverDeck.deckId } })).toBe(0);
    expect(await db.rateLimit.count({ where: { key: { contains: "leaver@example.org" } } })).toBe(0);

    expect(await db.user.count({ where: { id: stayer.id } })).toBe(1);
    expect(await db.deck.count({ where: { ownerId: stayer.id } })).toBe(1);
    expect(await db.cardState.count({ where: { userId: stayer.id } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: stayer.id } })).toBe(1);
    expect(await db.classMember.count({ where: { classId: sharedClass.id } })).toBe(1);
  });
});

describe("study settings", () => {
  it("stores the settings form's values in canonical form", async () => {
    const user = await createUser(db, "tidy@example.org");
    const weights = Array.from({ length: 21 }, (_, index) => index / 10);
    await saveFsrsParameters(db, user.id, weights);
    const form = settingsForm({ learningSteps: "1m, 10m, 1h", timeZone: "europe/warsaw" });
    const parsed = parseStudySettingsForm(form);
    if (!parsed.success) throw parsed.error;

    await saveStudySettings(db, user.id, parsed.data);

    expect(await findUserSettings(db, user.id)).toMatchObject({
      desiredRetention: 0.85,
      newCardsPerDay: 15,
      maximumInterval: 3650,
      learningSteps: ["1m", "10m", "1h"],
      relearningSteps: ["10m"],
      enableFuzz: true,
      timeZone: "Europe/Warsaw",
      dayStartHour: 5,
      // The form leaves the personal FSRS weights alone: they have their own page.
      fsrsParameters: weights,
    });
  });
});
