import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDb } from "../support/test-db";
import { makeUser } from "../support/teacher-fixtures";
import type { SessionUser } from "@/lib/auth/session";
import { makeTeacherAction } from "@/lib/auth/teacher-action";
import { createCard } from "@/lib/cards/mutations";
import { cardContentSchema, idSchema } from "@/lib/cards/schema";
import { createDeck } from "@/lib/decks/mutations";
import { deckFieldsSchema } from "@/lib/decks/schema";

const db = await createTestDb();

/** The wrapper as the app builds it, reading whoever `signedIn` holds instead of a next-auth cookie. */
let signedIn: SessionUser | null = null;
const teacherAction = makeTeacherAction({ readSession: async () => signedIn, getDb: () => db });

const createDeckAction = teacherAction(deckFieldsSchema, (fields, teacher, db) => createDeck(db, teacher.id, fields));
const createCardAction = teacherAction([z.object({ deckId: idSchema }), cardContentSchema], ([{ deckId }, content], teacher, db) =>
  createCard(db, teacher.id, deckId, content),
);

async function signIn(role: "TEACHER" | "STUDENT", claimedRole: SessionUser["role"] = role): Promise<SessionUser> {
  const user = await makeUser(db, role);
  signedIn = { id: user.id, name: user.name, email: null, role: claimedRole, isGuest: false };
  return signedIn;
}

const decksOf = (ownerId: string) => db.deck.findMany({ where: { ownerId }, select: { name: true } });

describe("teacherAction", () => {
  it("refuses a signed-out caller before reading the input", async () => {
    signedIn = null;
    expect(await createDeckAction({ name: "" })).toEqual({ ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." });
  });

  it("refuses a student, and writes nothing", async () => {
    const student = await signIn("STUDENT");
    expect(await createDeckAction({ name: "Mine now" })).toEqual({ ok: false, code: "forbidden", message: "Only teachers can do this." });
    expect(await decksOf(student.id)).toEqual([]);
  });

  it("answers bad input with invalid_input and the form's per-field messages", async () => {
    const teacher = await signIn("TEACHER");
    expect(await createDeckAction({ name: "   " })).toEqual({
      ok: false,
      code: "invalid_input",
      message: "Check the highlighted fields.",
      fieldErrors: { name: ["Enter a name."] },
    });
    expect(await decksOf(teacher.id)).toEqual([]);
  });

  it("parses each argument in turn: a bad scope answers before a bad card", async () => {
    await signIn("TEACHER");
    const result = await createCardAction({ deckId: "not an id!" }, { kind: "QA", prompt: "", answer: "" });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { deckId: ["Not a valid id."] } });
  });

  it("calls through with the parsed input, the teacher and the database", async () => {
    const teacher = await signIn("TEACHER");
    const deck = await createDeckAction({ name: "  Summits  " });
    expect(deck).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    expect(await decksOf(teacher.id)).toEqual([{ name: "Summits" }]);

    const deckId = deck.ok ? deck.data.id : "";
    const badCard = await createCardAction({ deckId }, { kind: "QA", prompt: "", answer: "Rutte" });
    expect(badCard).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { prompt: ["Enter a prompt."] } });
    const card = await createCardAction({ deckId }, { kind: "QA", prompt: "Who is Secretary General?", answer: "Mark Rutte" });
    expect(card).toMatchObject({ ok: true });
    expect(await db.card.count({ where: { deckId } })).toBe(1);
  });

  it("a stale session that still says teacher is refused by the lib's own check of the account", async () => {
    const demoted = await signIn("STUDENT", "TEACHER");
    expect(await createDeckAction({ name: "Stale" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await decksOf(demoted.id)).toEqual([]);
  });
});
