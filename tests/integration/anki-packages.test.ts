import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { makeUser } from "../support/teacher-fixtures";
import { createDeck } from "@/lib/decks/mutations";
import { importDeckFile } from "@/lib/imports/mutations";
import { parseImportFile } from "@/lib/imports/parse-upload";

// Built by tests/anki/build-packages.ts: one deck, one package per layout Anki writes.
const LAYOUTS = ["anki2", "anki21", "anki21b"] as const;
const db = await createTestDb();
const fixture = (layout: string) => ({ name: `nato-${layout}.apkg`, bytes: new Uint8Array(readFileSync(path.join(import.meta.dirname, "..", "anki", `nato-${layout}.apkg`))) });

async function setup() {
  const teacher = await makeUser(db, "TEACHER");
  const deck = await createDeck(db, teacher.id, { name: "From Anki", description: "", tags: [] });
  if (!deck.ok) throw new Error(deck.message);
  return { teacherId: teacher.id, deckId: deck.data.id };
}

describe.each(LAYOUTS)("an Anki package in the %s layout", (layout) => {
  it("imports every card but the listed problem notes, with the counts the preview reported", async () => {
    const { teacherId, deckId } = await setup();
    const preview = await parseImportFile(fixture(layout));
    const report = preview.report!;
    expect(report.layout).toBe(layout);
    // Every one of the 16 Anki cards arrives or is listed with its reason.
    expect(preview.problems.map((problem) => problem.row)).toEqual(['Note 6 ("")', 'Note 7 ("Where was the 2025 summit held?")']);
    expect(preview.cards.length + preview.problems.length).toBe(report.ankiCards);

    const result = await importDeckFile(db, teacherId, deckId, fixture(layout), undefined, { skipProblems: true });
    expect(result).toEqual({ ok: true, data: { created: 14, updated: 0, skipped: 2, withHistory: report.history.cards } });
    const cards = await db.card.findMany({ where: { deckId }, orderBy: { position: "asc" } });
    expect(cards).toHaveLength(preview.cards.length);

    // Reverse cards and extra cloze cards arrive as siblings, as many as the report said.
    const siblings = cards.filter((card) => card.stableId?.includes("::"));
    expect(siblings.filter((card) => card.kind === "QA")).toHaveLength(report.reverseCards);
    expect(siblings.filter((card) => card.kind === "CLOZE")).toHaveLength(report.extraClozeCards);
    expect(report.reverseCards).toBe(5);
    expect(cards.find((card) => card.stableId === "guid0::2")).toMatchObject({ prompt: "Which ally has the capital Brussels?", answer: "Belgium" });
    expect(cards.find((card) => card.stableId === "guid3::2")).toMatchObject({ prompt: "The collective defence clause", answer: "Article 5" });

    // Each cloze deletion is its own card, the others shown as text, as Anki shows them.
    expect(cards.filter((card) => card.stableId?.startsWith("guid7")).map((card) => [card.prompt, card.answer])).toEqual([
      ["The {{c1::Washington Treaty}} was signed in 1949 by 12 countries.", "Washington Treaty"],
      ["The Washington Treaty was signed in {{c2::1949}} by 12 countries.", "1949"],
      ["The Washington Treaty was signed in 1949 by {{c3::12::how many?}} countries.", "12"],
    ]);

    // Every field: the extra ones in the explanation (the default choice), sub-decks as tags.
    expect(cards.find((card) => card.stableId === "guid0")).toMatchObject({
      prompt: "Belgium",
      answer: "1949",
      explanation: "Region: Western Europe\nPopulation: 11.8 million\nNotes: Founding member; hosts NATO HQ",
      tags: ["founders", "members"],
    });
    expect(report.extraFields).toMatchObject({ names: ["Region", "Population", "Notes"], notes: 3 });
    expect(cards.filter((card) => card.tags.includes("members") || card.tags.includes("summits::2025"))).toHaveLength(report.nestedDecks.cards);

    // Images: three files, three notes referring to one; none is stored, and the image-only front is a listed problem.
    expect(report.media).toEqual({ files: 3, notes: 3 });

    // Review history becomes the importing teacher's FSRS state, one per card the report counted.
    const states = await db.cardState.findMany({ where: { userId: teacherId }, include: { card: { select: { stableId: true } } } });
    expect(states.map((state) => state.card.stableId).sort()).toEqual(["guid0", "guid3"]);
    expect(states).toHaveLength(report.history.cards);
    const belgium = states.find((state) => state.card.stableId === "guid0")!;
    expect(belgium).toMatchObject({ reps: 3, state: 2, lastReview: new Date("2025-09-21T06:45:00.003Z") });
    // The newest layout carries Anki's own FSRS memory state, which wins over the replay.
    if (layout === "anki21b") expect(belgium).toMatchObject({ stability: 14.2, difficulty: 5.3 });
    expect(report.history.fromMemoryState).toBe(layout === "anki21b" ? 1 : 0);
  });

  it("imports nothing when the teacher has not chosen to leave the problem notes out", async () => {
    const { teacherId, deckId } = await setup();
    const result = await importDeckFile(db, teacherId, deckId, fixture(layout));
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await db.card.count({ where: { deckId } })).toBe(0);
    expect(await db.cardState.count({ where: { userId: teacherId } })).toBe(0);
  });
});

it("puts extra Anki fields into tags when the teacher chooses tags", async () => {
  const { teacherId, deckId } = await setup();
  await importDeckFile(db, teacherId, deckId, fixture("anki21b"), undefined, { skipProblems: true, apkg: { extraFields: "tags", nestedDecks: "tags" } });
  const belgium = await db.card.findFirst({ where: { deckId, stableId: "guid0" } });
  expect(belgium).toMatchObject({ explanation: "", tags: ["founders", "members", "western-europe", "11.8-million", "founding-member;-hosts-nato-hq"] });
});

it("puts sub-decks into decks of their own, named after the deck imported into, when the teacher chooses", async () => {
  const { teacherId, deckId } = await setup();
  const result = await importDeckFile(db, teacherId, deckId, fixture("anki21b"), undefined, { skipProblems: true, apkg: { extraFields: "explanation", nestedDecks: "subdecks" } });
  expect(result).toMatchObject({ ok: true, data: { created: 14 } });
  const decks = await db.deck.findMany({ where: { ownerId: teacherId }, select: { name: true, _count: { select: { cards: true } } }, orderBy: { name: "asc" } });
  expect(decks.map((deck) => [deck.name, deck._count.cards])).toEqual([["From Anki", 4], ["From Anki::Members", 6], ["From Anki::Summits::2025", 4]]);
  const belgium = await db.card.findFirst({ where: { stableId: "guid0", deck: { ownerId: teacherId } } });
  expect(belgium!.tags).toEqual(["founders"]);
  // Its review history follows it into the sub-deck.
  expect(await db.cardState.count({ where: { userId: teacherId } })).toBe(2);
});
