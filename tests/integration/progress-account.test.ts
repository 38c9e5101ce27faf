import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createUser, recordReviews } from "../support/progress-fixtures";
import { deleteAccount, saveStudySettingsForm } from "@/lib/users/mutations";
import { findUserSettings } from "@/lib/users/data";

const db = await createTestDb();
const AT = new Date("2024-03-05T10:00:00Z");

function settingsForm(overrides: Record<string, string> = {}): FormData {
  const form = new FormData();
  const values = {
    desiredRetention: "0.85",
    newCardsPerDay: "15",
    maximumInterval: "3650",
    learningSteps: "1m 10m",
    relearningSteps: "10m",
    enableFuzz: "on",
    timeZone: "Europe/Warsaw",
    dayStartHour: "5",
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  return form;
}

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
  it("stores valid settings in canonical form", async () => {
    const user = await createUser(db, "tidy@example.org");
    const saved = await saveStudySettingsForm(db, user.id, settingsForm({ timeZone: "europe/warsaw", learningSteps: "1m, 10m, 1h" }));
    expect(saved.ok).toBe(true);
    expect(await findUserSettings(db, user.id)).toMatchObject({
      desiredRetention: 0.85,
      newCardsPerDay: 15,
      maximumInterval: 3650,
      learningSteps: ["1m", "10m", "1h"],
      relearningSteps: ["10m"],
      enableFuzz: true,
      timeZone: "Europe/Warsaw",
      dayStartHour: 5,
    });
  });

  it("rejects bad values with a message per field and writes nothing", async () => {
    const user = await createUser(db, "sloppy@example.org");
    const before = await findUserSettings(db, user.id);
    const result = await saveStudySettingsForm(
      db,
      user.id,
      settingsForm({ desiredRetention: "1.5", newCardsPerDay: "-1", timeZone: "Mars/Olympus_Mons", dayStartHour: "" }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: {
        desiredRetention: ["Use at most 0.99."],
        newCardsPerDay: ["Use 0 or more."],
        timeZone: ["Choose a time zone such as Europe/Brussels."],
        dayStartHour: ["Enter a number."],
      },
    });
    expect(await findUserSettings(db, user.id)).toEqual(before);
    // One bad field is enough to keep the good ones from being written too.
    expect(await saveStudySettingsForm(db, user.id, settingsForm({ newCardsPerDay: "-1" }))).toMatchObject({ ok: false });
    expect(await findUserSettings(db, user.id)).toEqual(before);
  });
});
