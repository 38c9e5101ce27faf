import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { makeCardState, makeUser } from "../support/teacher-fixtures";
import { cardContentSchema } from "@/lib/cards/schema";
import { createCard, deleteCard, deleteCards, moveCards, tagCards, updateCard } from "@/lib/cards/mutations";
import { ANY_FLAG, searchDeckCards } from "@/lib/cards/data";
import { copyDeck, createDeck, deleteDeck, setDeckPublic, updateDeck } from "@/lib/decks/mutations";
import { upsertGeneratedCards } from "@/lib/decks/generated-cards";
import type { GeneratedCard } from "@/lib/generator/types";

const db = await createTestDb();

const fields = (name: string) => ({ name, description: "", tags: [] });
const qa = (prompt: string, answer = "A") => cardContentSchema.parse({ kind: "QA", prompt, answer });

async function deckOf(ownerId: string, name: string): Promise<string> {
  const result = await createDeck(db, ownerId, fields(name));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

async function cardIn(ownerId: string, deckId: string, prompt: string): Promise<string> {
  const result = await createCard(db, ownerId, deckId, qa(prompt));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

const GENERATED: GeneratedCard[] = [
  {
    id: "cloze-1",
    kind: "cloze",
    prompt: "Ministers met in {{c1::Antalya}}.",
    answer: "Antalya",
    tags: ["ministers"],
    source: { document: "Antalya report", sentence: "Ministers met in Antalya." },
  },
  {
    id: "mcq-1",
    kind: "mcq",
    prompt: "Where is NATO HQ?",
    answer: "Brussels",
    choices: ["Brussels", "Mons"],
    tags: [],
    source: { document: "HQ page", sentence: "NATO HQ is in Brussels." },
    flags: ["conflict:hq"],
  },
  {
    id: "num-1",
    kind: "numeric",
    prompt: "Core defence target (% of GDP)?",
    answer: "3.5",
    tolerance: 0.1,
    tags: ["spending"],
    source: { document: "Summit", sentence: "3.5%" },
  },
  { id: "tf-1", kind: "truefalse", prompt: "The 2025 summit was in The Hague.", answer: "True", tags: [], source: { document: "Summit", sentence: "s" } },
  { id: "qa-1", kind: "qa", prompt: "Who is Secretary General?", answer: "Mark Rutte", tags: [], source: { document: "Bio", sentence: "s" } },
];
const CONFLICTS = [{ id: "hq", topic: "NATO HQ", description: "Sources disagree on the HQ city.", sources: ["HQ page", "Old page"] }];

describe("upsertGeneratedCards", () => {
  it("maps every kind, stores source, tags, flags and tolerance, and adds nothing the second time", async () => {
    const teacher = await makeUser(db, "TEACHER");
    const deckId = await deckOf(teacher.id, "Generated");
    expect(await upsertGeneratedCards(db, deckId, GENERATED, CONFLICTS)).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(await upsertGeneratedCards(db, deckId, GENERATED, CONFLICTS)).toEqual({ created: 0, updated: 0, unchanged: 5 });
    const cards = await db.card.findMany({ where: { deckId }, orderBy: { position: "asc" } });
    expect(cards.map((card) => [card.stableId, card.kind, card.position])).toEqual([
      ["cloze-1", "CLOZE", 0],
      ["mcq-1", "MCQ", 1],
      ["num-1", "NUMERIC", 2],
      ["tf-1", "TRUEFALSE", 3],
      ["qa-1", "QA", 4],
    ]);
    expect(cards[1]).toMatchObject({
      choices: ["Brussels", "Mons"],
      flags: ["conflict:hq"],
      sourceDocument: "HQ page",
      sourceSentence: "NATO HQ is in Brussels.",
    });
    expect(cards[2]).toMatchObject({ tolerance: 0.1, tags: ["spending"] });
    expect(await db.sourceConflict.findMany({ where: { deckId }, select: { topic: true, sources: true } })).toEqual([
      { topic: "NATO HQ", sources: ["HQ page", "Old page"] },
    ]);
  });

  it("updates changed card text in place, keeping every student's CardState", async () => {
    const teacher = await makeUser(db, "TEACHER");
    const student = await makeUser(db, "STUDENT");
    const deckId = await deckOf(teacher.id, "Regenerated");
    await upsertGeneratedCards(db, deckId, GENERATED, []);
    const before = await db.card.findFirstOrThrow({ where: { deckId, stableId: "qa-1" } });
    await makeCardState(db, student.id, before.id, { reps: 3 });
    const changed = GENERATED.map((card) => (card.id === "qa-1" ? { ...card, prompt: "Who leads NATO's staff?", explanation: "Since 2024." } : card));
    expect(await upsertGeneratedCards(db, deckId, changed, [])).toEqual({ created: 0, updated: 1, unchanged: 4 });
    const after = await db.card.findFirstOrThrow({ where: { deckId, stableId: "qa-1" } });
    expect(after).toMatchObject({ id: before.id, prompt: "Who leads NATO's staff?", explanation: "Since 2024.", position: before.position });
    expect(await db.cardState.count({ where: { cardId: before.id, userId: student.id } })).toBe(1);
  });
});

describe("decks", () => {
  it("lets the owner rename, describe, tag, publish, copy and delete", async () => {
    const teacher = await makeUser(db, "TEACHER");
    const deckId = await deckOf(teacher.id, "Summits");
    await upsertGeneratedCards(db, deckId, GENERATED, CONFLICTS);
    expect(await updateDeck(db, teacher.id, deckId, { name: "Summits 2025", description: "The Hague", tags: ["summit"] })).toEqual({
      ok: true,
      data: { id: deckId },
    });
    expect(await setDeckPublic(db, teacher.id, deckId, true)).toEqual({ ok: true, data: { isPublic: true } });
    expect(await createDeck(db, teacher.id, fields("Summits 2025"))).toMatchObject({ ok: false, code: "conflict" });

    const copy = await copyDeck(db, teacher.id, deckId);
    if (!copy.ok) throw new Error(copy.message);
    expect(copy.data.name).toBe("Summits 2025 (copy)");
    const [original, copied] = await Promise.all([
      db.card.findMany({ where: { deckId }, orderBy: { position: "asc" } }),
      db.card.findMany({ where: { deckId: copy.data.id }, orderBy: { position: "asc" } }),
    ]);
    expect(copied.map((card) => card.stableId)).toEqual(original.map((card) => card.stableId));
    expect(copied.some((card) => original.some((o) => o.id === card.id))).toBe(false);
    expect(await db.deck.findUniqueOrThrow({ where: { id: copy.data.id } })).toMatchObject({ isPublic: false, description: "The Hague" });
    expect(await db.sourceConflict.count({ where: { deckId: copy.data.id } })).toBe(1);
    expect((await copyDeck(db, teacher.id, deckId)).ok && (await db.deck.count({ where: { name: "Summits 2025 (copy 2)" } }))).toBe(1);

    expect(await deleteDeck(db, teacher.id, deckId)).toEqual({ ok: true, data: { id: deckId } });
    expect(await db.card.count({ where: { deckId } })).toBe(0);
  });

  it("refuses another teacher's deck in every mutation and leaves it unchanged", async () => {
    const victim = await makeUser(db, "TEACHER");
    const attacker = await makeUser(db, "TEACHER");
    const deckId = await deckOf(victim.id, "Private");
    const cardId = await cardIn(victim.id, deckId, "Secret?");
    const attackerDeck = await deckOf(attacker.id, "Mine");
    const before = await db.deck.findUniqueOrThrow({ where: { id: deckId }, include: { cards: true } });

    const attempts = [
      await updateDeck(db, attacker.id, deckId, fields("Hijacked")),
      await setDeckPublic(db, attacker.id, deckId, true),
      await copyDeck(db, attacker.id, deckId),
      await deleteDeck(db, attacker.id, deckId),
      await createCard(db, attacker.id, deckId, qa("Injected?")),
      await updateCard(db, attacker.id, cardId, qa("Changed?")),
      await deleteCard(db, attacker.id, cardId),
      await tagCards(db, attacker.id, { cardIds: [cardId], add: ["x"], remove: [] }),
      await moveCards(db, attacker.id, { cardIds: [cardId], targetDeckId: attackerDeck }),
      await moveCards(db, victim.id, { cardIds: [cardId], targetDeckId: attackerDeck }),
      await deleteCards(db, attacker.id, [cardId]),
    ];
    for (const attempt of attempts) expect(attempt).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.deck.findUniqueOrThrow({ where: { id: deckId }, include: { cards: true } })).toEqual(before);
    expect(await searchDeckCards(db, attacker.id, deckId, {})).toEqual([]);
  });

  it("refuses a bulk action that mixes the caller's cards with someone else's, changing none", async () => {
    const victim = await makeUser(db, "TEACHER");
    const attacker = await makeUser(db, "TEACHER");
    const victimCard = await cardIn(victim.id, await deckOf(victim.id, "V"), "Victim?");
    const ownCard = await cardIn(attacker.id, await deckOf(attacker.id, "A"), "Own?");
    expect(await deleteCards(db, attacker.id, [ownCard, victimCard])).toMatchObject({ ok: false });
    expect(await db.card.count({ where: { id: { in: [ownCard, victimCard] } } })).toBe(2);
  });

  it("refuses teacher-only mutations to a student", async () => {
    const student = await makeUser(db, "STUDENT");
    const teacher = await makeUser(db, "TEACHER");
    const publicDeck = await deckOf(teacher.id, "Public");
    await setDeckPublic(db, teacher.id, publicDeck, true);
    expect(await createDeck(db, student.id, fields("Mine"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await copyDeck(db, student.id, publicDeck)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updateDeck(db, student.id, publicDeck, fields("Vandalised"))).toMatchObject({ ok: false });
    expect(await db.deck.count({ where: { ownerId: student.id } })).toBe(0);
  });
});

describe("cards", () => {
  it("edits keep students' memory; search, tags, move and delete work within the owner's decks", async () => {
    const teacher = await makeUser(db, "TEACHER");
    const student = await makeUser(db, "STUDENT");
    const deckId = await deckOf(teacher.id, "Cards");
    const otherDeck = await deckOf(teacher.id, "Other");
    await upsertGeneratedCards(db, deckId, GENERATED, CONFLICTS);
    const qaCard = await db.card.findFirstOrThrow({ where: { deckId, stableId: "qa-1" } });
    await makeCardState(db, student.id, qaCard.id, { reps: 4 });

    const edited = await updateCard(
      db,
      teacher.id,
      qaCard.id,
      cardContentSchema.parse({ kind: "QA", prompt: "Who is NATO's Secretary General?", answer: "Mark Rutte", tags: ["people"] }),
    );
    expect(edited.ok).toBe(true);
    expect(await db.cardState.findFirst({ where: { cardId: qaCard.id }, select: { reps: true } })).toEqual({ reps: 4 });

    expect((await searchDeckCards(db, teacher.id, deckId, { q: "secretary" })).map((c) => c.id)).toEqual([qaCard.id]);
    expect((await searchDeckCards(db, teacher.id, deckId, { kind: "MCQ" })).map((c) => c.prompt)).toEqual(["Where is NATO HQ?"]);
    expect((await searchDeckCards(db, teacher.id, deckId, { flag: ANY_FLAG })).map((c) => c.prompt)).toEqual(["Where is NATO HQ?"]);
    expect((await searchDeckCards(db, teacher.id, deckId, { tag: "spending" })).map((c) => c.kind)).toEqual(["NUMERIC"]);

    const all = (await searchDeckCards(db, teacher.id, deckId, {})).map((card) => card.id);
    expect(await tagCards(db, teacher.id, { cardIds: all, add: ["nato"], remove: ["spending"] })).toEqual({ ok: true, data: { count: 5 } });
    expect((await searchDeckCards(db, teacher.id, deckId, { tag: "nato" })).length).toBe(5);
    expect((await searchDeckCards(db, teacher.id, deckId, { tag: "spending" })).length).toBe(0);

    expect(await moveCards(db, teacher.id, { cardIds: [qaCard.id], targetDeckId: otherDeck })).toEqual({ ok: true, data: { count: 1 } });
    expect(await db.card.findUniqueOrThrow({ where: { id: qaCard.id } })).toMatchObject({ deckId: otherDeck, stableId: "qa-1" });
    expect(await db.cardState.count({ where: { cardId: qaCard.id } })).toBe(1);

    expect(
      await deleteCards(
        db,
        teacher.id,
        all.filter((id) => id !== qaCard.id),
      ),
    ).toEqual({ ok: true, data: { count: 4 } });
    expect(await db.card.count({ where: { deckId } })).toBe(0);
  });
});

describe("moving cards", () => {
  it("puts them after the target's cards in the order they had, not in the order they were made or last written", async () => {
    const teacher = await makeUser(db, "TEACHER");
    const source = await deckOf(teacher.id, "Source");
    const target = await deckOf(teacher.id, "Target");
    const staying = await cardIn(teacher.id, target, "Already there?");
    const made = [
      await cardIn(teacher.id, source, "Made first?"),
      await cardIn(teacher.id, source, "Made second?"),
      await cardIn(teacher.id, source, "Made third?"),
    ];
    // The source deck shows them last made first (as after a reorder), and a tag rewrites one row.
    for (const [index, id] of made.entries()) await db.card.update({ where: { id }, data: { position: made.length - 1 - index } });
    expect((await tagCards(db, teacher.id, { cardIds: [made[1]!], add: ["moved"], remove: [] })).ok).toBe(true);
    expect(await moveCards(db, teacher.id, { cardIds: made, targetDeckId: target })).toEqual({ ok: true, data: { count: 3 } });
    const order = await db.card.findMany({ where: { deckId: target }, orderBy: { position: "asc" }, select: { id: true } });
    expect(order.map((card) => card.id)).toEqual([staying, ...[...made].reverse()]);
  });
});

describe("saving generated cards from the web", () => {
  it("saves accepted cards into an own or new deck, and refuses another's deck, students and invalid edits", async () => {
    const { saveGeneratedCards } = await import("@/lib/decks/save-generated");
    const teacher = await makeUser(db, "TEACHER");
    const attacker = await makeUser(db, "TEACHER");
    const student = await makeUser(db, "STUDENT");
    const created = await saveGeneratedCards(db, teacher.id, { target: { newDeckName: "From article" }, cards: GENERATED, conflicts: CONFLICTS });
    if (!created.ok) throw new Error(created.message);
    expect(created.data).toMatchObject({ created: 5, updated: 0 });
    const deckId = created.data.deckId;

    expect(
      await saveGeneratedCards(db, attacker.id, { target: { deckId }, cards: [{ ...GENERATED[4]!, id: "evil", prompt: "Injected?" }], conflicts: [] }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await saveGeneratedCards(db, student.id, { target: { newDeckName: "Mine" }, cards: GENERATED, conflicts: [] })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const badEdit = { ...GENERATED[1]!, answer: "Paris" };
    expect(await saveGeneratedCards(db, teacher.id, { target: { deckId }, cards: [badEdit], conflicts: [] })).toMatchObject({
      ok: false,
      code: "invalid_input",
      message: expect.stringContaining("Card 1"),
    });
    expect(await db.card.count({ where: { deckId } })).toBe(5);
    expect(await db.card.findFirst({ where: { deckId, stableId: "mcq-1" }, select: { answer: true } })).toEqual({ answer: "Brussels" });
  });
});
