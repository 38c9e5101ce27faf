import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createTestDb } from "../support/test-db";
import { makeUser } from "../support/teacher-fixtures";
import { moveCards } from "@/lib/cards/mutations";
import { copyDeck, createDeck, setDeckPublic } from "@/lib/decks/mutations";
import { importDeckFile } from "@/lib/imports/mutations";
import { parseImportFile } from "@/lib/imports/parse-upload";
import { imagesIn } from "@/lib/media/card-images";
import { GET as exportDeck } from "@/app/api/decks/[deckId]/export/route";
import { GET as getImage } from "@/app/api/media/[sha256]/route";

// The media route as the app runs it, on this file's database, for whichever user the test signs in.
const viewer = vi.hoisted(() => ({ current: null as { id: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => viewer.current }));

// Built by tests/anki/build-packages.ts: one deck, one package per layout Anki writes.
const LAYOUTS = ["anki2", "anki21", "anki21b"] as const;
const db = await createTestDb();
(globalThis as unknown as { db: typeof db }).db = db;

async function fetchImage(userId: string | null, sha256: string) {
  viewer.current = userId ? { id: userId } : null;
  return getImage(new Request(`http://localhost/api/media/${sha256}`), { params: Promise.resolve({ sha256 }) });
}
const fixture = (layout: string) => ({
  name: `nato-${layout}.apkg`,
  bytes: new Uint8Array(readFileSync(path.join(import.meta.dirname, "..", "anki", `nato-${layout}.apkg`))),
});

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
    // Every one of the 19 Anki cards arrives or is listed with its reason; the front that is only a refused SVG is one.
    expect(preview.problems).toEqual([
      { row: 'Note 7 ("Where was the 2025 summit held?")', message: "tags: Tags have at most 40 characters." },
      {
        row: 'Note 11 ("")',
        message: "front: Its front is only a sound, or an image that was not imported (named in the report), so the card would be blank.",
      },
    ]);
    expect(preview.cards.length + preview.problems.length).toBe(report.ankiCards);

    const result = await importDeckFile(db, teacherId, deckId, fixture(layout), undefined, { skipProblems: true });
    expect(result).toEqual({ ok: true, data: { created: 17, updated: 0, skipped: 2, withHistory: report.history.cards } });
    const cards = await db.card.findMany({ where: { deckId }, orderBy: { position: "asc" } });
    expect(cards).toHaveLength(preview.cards.length);

    // Reverse cards and extra cloze cards arrive as siblings, as many as the report said.
    const siblings = cards.filter((card) => card.stableId?.includes("::"));
    expect(siblings.filter((card) => card.kind === "QA")).toHaveLength(report.reverseCards);
    expect(siblings.filter((card) => card.kind === "CLOZE")).toHaveLength(report.extraClozeCards);
    expect(report.reverseCards).toBe(6);
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
      prompt: expect.stringMatching(/^Belgium\n!\[be\.png\]\(\/api\/media\/[0-9a-f]{64}\)$/),
      answer: "1949",
      explanation: "Region: Western Europe\nPopulation: 11.8 million\nNotes: Founding member; hosts NATO HQ",
      tags: ["founders", "members"],
    });
    expect(report.extraFields).toMatchObject({ names: ["Region", "Population", "Notes"], notes: 4 });
    expect(cards.filter((card) => card.tags.includes("members") || card.tags.includes("summits::2025"))).toHaveLength(report.nestedDecks.cards);

    // Images: the three PNGs are stored with the deck and shown by their cards; the one past 1 MB, the SVG and the
    // one missing from the package are listed with their reasons and stored nowhere.
    expect(report.media).toEqual({
      files: 5,
      notes: 6,
      images: {
        stored: 3,
        bytes: 331,
        skipped: [
          { name: "se.png", reason: "missing" },
          { name: "lu.png", reason: "tooLarge" },
          { name: "emblem.svg", reason: "unsupported" },
        ],
        withProblemNotes: 0,
      },
      sounds: 0,
    });
    const stored = await db.deckImage.findMany({ where: { deckId }, orderBy: { fileName: "asc" } });
    expect(stored.map((image) => [image.fileName, image.mimeType, image.size])).toEqual([
      ["be.png", "image/png", 110],
      ["fi.png", "image/png", 109],
      ["hq.png", "image/png", 112],
    ]);
    expect(await db.deckImage.count({ where: { fileName: { in: ["se.png", "lu.png", "emblem.svg"] } } })).toBe(0);
    // The image-only front arrives as a card showing its image; Sweden and Luxembourg arrive without theirs.
    const headquarters = cards.find((card) => card.stableId === "guid5")!;
    expect(headquarters.prompt).toBe(`![A glass building](/api/media/${stored.find((image) => image.fileName === "hq.png")!.sha256})`);
    expect(cards.find((card) => card.stableId === "guid9")).toMatchObject({ prompt: "Luxembourg" });
    expect(new Set(cards.flatMap((card) => imagesIn(card.prompt)))).toEqual(new Set(stored.map((image) => image.sha256)));

    // The media route serves each image, with its sniffed type, to the owner only.
    const [hqSha] = imagesIn(headquarters.prompt);
    const owner = await fetchImage(teacherId, hqSha!);
    expect(owner.status).toBe(200);
    expect(owner.headers.get("content-type")).toBe("image/png");
    expect(owner.headers.get("x-content-type-options")).toBe("nosniff");
    expect(owner.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(new Uint8Array(await owner.arrayBuffer())).toEqual(new Uint8Array(stored.find((image) => image.fileName === "hq.png")!.bytes));
    const stranger = await makeUser(db, "STUDENT");
    expect((await fetchImage(stranger.id, hqSha!)).status).toBe(404);
    expect((await fetchImage(null, hqSha!)).status).toBe(401);

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
  expect(belgium).toMatchObject({ explanation: "", tags: ["founders", "members", "western-europe", "11.8-million", "founding-member-hosts-nato-hq"] });
});

it("puts sub-decks into decks of their own, named after the deck imported into, when the teacher chooses", async () => {
  const { teacherId, deckId } = await setup();
  const result = await importDeckFile(db, teacherId, deckId, fixture("anki21b"), undefined, {
    skipProblems: true,
    apkg: { extraFields: "explanation", nestedDecks: "subdecks" },
  });
  expect(result).toMatchObject({ ok: true, data: { created: 17 } });
  const decks = await db.deck.findMany({
    where: { ownerId: teacherId },
    select: { name: true, _count: { select: { cards: true } } },
    orderBy: { name: "asc" },
  });
  expect(decks.map((deck) => [deck.name, deck._count.cards])).toEqual([
    ["From Anki", 5],
    ["From Anki::Members", 8],
    ["From Anki::Summits::2025", 4],
  ]);
  const belgium = await db.card.findFirst({ where: { stableId: "guid0", deck: { ownerId: teacherId } } });
  expect(belgium!.tags).toEqual(["founders"]);
  // Its image and its review history follow it into the sub-deck.
  const images = await db.deckImage.findMany({
    where: { deck: { ownerId: teacherId } },
    select: { fileName: true, deck: { select: { name: true } } },
    orderBy: { fileName: "asc" },
  });
  expect(images.map((image) => [image.fileName, image.deck.name])).toEqual([
    ["be.png", "From Anki::Members"],
    ["fi.png", "From Anki::Members"],
    ["hq.png", "From Anki"],
  ]);
  expect(await db.cardState.count({ where: { userId: teacherId } })).toBe(2);
});

it("lets an image follow its card into another deck and into a copy, so that deck's students see it", async () => {
  const { teacherId, deckId } = await setup();
  await importDeckFile(db, teacherId, deckId, fixture("anki2"), undefined, { skipProblems: true });
  const headquarters = await db.card.findFirstOrThrow({ where: { deckId, stableId: "guid5" } });
  const [sha256] = imagesIn(headquarters.prompt);
  const moved = await createDeck(db, teacherId, { name: "Buildings", description: "", tags: [] });
  if (!moved.ok) throw new Error(moved.message);
  expect(await moveCards(db, teacherId, { cardIds: [headquarters.id], targetDeckId: moved.data.id })).toMatchObject({ ok: true });
  await setDeckPublic(db, teacherId, moved.data.id, true);
  // The imported deck stays private; the public deck the card moved to now holds the image too.
  const student = await makeUser(db, "STUDENT");
  expect((await fetchImage(student.id, sha256!)).status).toBe(200);

  const other = await makeUser(db, "TEACHER");
  const copy = await copyDeck(db, other.id, moved.data.id);
  if (!copy.ok) throw new Error(copy.message);
  expect(await db.deckImage.findMany({ where: { deckId: copy.data.id }, select: { sha256: true, fileName: true } })).toEqual([{ sha256, fileName: "hq.png" }]);
});

it("keeps every image through app → Anki package → app", async () => {
  const { teacherId, deckId } = await setup();
  await importDeckFile(db, teacherId, deckId, fixture("anki21b"), undefined, { skipProblems: true });
  viewer.current = { id: teacherId };
  const exported = await exportDeck(new Request(`http://localhost/api/decks/${deckId}/export?format=apkg`), { params: Promise.resolve({ deckId }) });
  expect(exported.status).toBe(200);
  const other = await makeUser(db, "TEACHER");
  const again = await createDeck(db, other.id, { name: "Round trip", description: "", tags: [] });
  if (!again.ok) throw new Error(again.message);
  const result = await importDeckFile(db, other.id, again.data.id, { name: "round-trip.apkg", bytes: new Uint8Array(await exported.arrayBuffer()) });
  expect(result).toMatchObject({ ok: true, data: { created: 17 } });
  const texts = async (id: string) =>
    await db.card.findMany({ where: { deckId: id }, orderBy: { stableId: "asc" }, select: { stableId: true, prompt: true, answer: true } });
  expect(await texts(again.data.id)).toEqual(await texts(deckId));
  const images = async (id: string) =>
    await db.deckImage.findMany({ where: { deckId: id }, orderBy: { sha256: "asc" }, select: { sha256: true, fileName: true, mimeType: true, bytes: true } });
  expect(await images(again.data.id)).toEqual(await images(deckId));
  expect(await images(again.data.id)).toHaveLength(3);
});
