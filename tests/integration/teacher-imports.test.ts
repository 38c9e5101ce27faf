import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { makeCardState, makeUser } from "../support/teacher-fixtures";
import { findExportableDeck } from "@/lib/decks/data";
import { createDeck } from "@/lib/decks/mutations";
import { importDeckFile } from "@/lib/imports/mutations";
import { parseImportFile } from "@/lib/imports/parse-upload";
import { buildApkg } from "@/lib/imports/write-apkg";

const db = await createTestDb();
const csv = (text: string) => ({ name: "cards.csv", bytes: new TextEncoder().encode(text) });

async function setup() {
  const teacher = await makeUser(db, "TEACHER");
  const deck = await createDeck(db, teacher.id, { name: "Imported", description: "", tags: [] });
  if (!deck.ok) throw new Error(deck.message);
  return { teacherId: teacher.id, deckId: deck.data.id };
}

describe("importing into a deck", () => {
  it("writes every row, and re-importing rows with ids updates them in place", async () => {
    const { teacherId, deckId } = await setup();
    const first = await importDeckFile(db, teacherId, deckId, csv("id,front,back\nr1,Q1,A1\nr2,Q2,A2\n,Q3,A3\n"));
    expect(first).toEqual({ ok: true, data: { created: 3, updated: 0, skipped: 0, withHistory: 0 } });
    const r1 = await db.card.findFirstOrThrow({ where: { deckId, stableId: "r1" } });
    const student = await makeUser(db, "STUDENT");
    await makeCardState(db, student.id, r1.id);
    const again = await importDeckFile(db, teacherId, deckId, csv("id,front,back\nr1,Q1 edited,A1\nr4,Q4,A4\n"));
    expect(again).toEqual({ ok: true, data: { created: 1, updated: 1, skipped: 0, withHistory: 0 } });
    expect(await db.card.findUniqueOrThrow({ where: { id: r1.id } })).toMatchObject({ prompt: "Q1 edited" });
    expect(await db.cardState.count({ where: { cardId: r1.id } })).toBe(1);
    expect(await db.card.count({ where: { deckId } })).toBe(4);
  });

  it("imports nothing when any row is bad, and says which row and why", async () => {
    const { teacherId, deckId } = await setup();
    const result = await importDeckFile(db, teacherId, deckId, csv("front,back,kind\nQ1,A1,\nQ2,A2,\nQ3,maybe,truefalse\nQ4,A4,\n"));
    expect(result).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringContaining("Row 4: back: The answer must be") });
    expect(await db.card.count({ where: { deckId } })).toBe(0);
  });

  it("rolls back the whole write when the database refuses part of it", async () => {
    const { teacherId, deckId } = await setup();
    await importDeckFile(db, teacherId, deckId, csv("id,front,back\nkeep,Q,A\n"));
    // A trigger stands in for any failure midway (a lost connection, a constraint): rows already written must go too.
    await db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN IF NEW.prompt = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_boom BEFORE INSERT OR UPDATE ON "Card" FOR EACH ROW EXECUTE FUNCTION refuse_boom()`);
    try {
      await expect(importDeckFile(db, teacherId, deckId, csv("id,front,back\nkeep,Q changed,A\nnew1,Q1,A1\nnew2,boom,A2\n"))).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_boom ON "Card"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_boom()`);
    }
    expect(await db.card.findMany({ where: { deckId }, select: { stableId: true, prompt: true } })).toEqual([{ stableId: "keep", prompt: "Q" }]);
  });

  it("refuses to import into another teacher's deck", async () => {
    const { deckId } = await setup();
    const attacker = await makeUser(db, "TEACHER");
    expect(await importDeckFile(db, attacker.id, deckId, csv("front,back\nQ,A\n"))).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.card.count({ where: { deckId } })).toBe(0);
  });

  it("exports a deck as .apkg that imports back into a new deck as the same cards", async () => {
    const { teacherId, deckId } = await setup();
    await importDeckFile(
      db,
      teacherId,
      deckId,
      csv("id,kind,front,back,choices,tags\nm1,mcq,Where is HQ?,Brussels,Brussels | Mons,hq\nc1,cloze,Met in {{c1::Antalya}}.,,,\n"),
    );
    const deck = await findExportableDeck(db, teacherId, deckId);
    if (!deck) throw new Error("The owner cannot read their deck.");
    const apkg = await buildApkg(deck, deck.cards, new Date("2026-03-10T12:00:00Z"));
    const target = await createDeck(db, teacherId, { name: "Round trip", description: "", tags: [] });
    if (!target.ok) throw new Error(target.message);
    expect(await importDeckFile(db, teacherId, target.data.id, { name: "deck.apkg", bytes: apkg })).toEqual({
      ok: true,
      data: { created: 2, updated: 0, skipped: 0, withHistory: 0 },
    });
    const pick = ({ stableId, kind, prompt, answer, choices, tags }: (typeof deck.cards)[number]) => ({ stableId, kind, prompt, answer, choices, tags });
    const copied = await findExportableDeck(db, teacherId, target.data.id);
    expect(copied!.cards.map(pick)).toEqual(deck.cards.map(pick));
    expect((await parseImportFile({ name: "deck.apkg", bytes: apkg })).problems).toEqual([]);
  });

  it("lets only readers export: not another teacher's private deck", async () => {
    const { deckId } = await setup();
    const other = await makeUser(db, "TEACHER");
    expect(await findExportableDeck(db, other.id, deckId)).toBeNull();
  });
});
