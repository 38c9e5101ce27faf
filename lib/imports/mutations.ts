import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";
import { deckNameSchema } from "@/lib/decks/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { CardHistory } from "./apkg/card-history";
import { historyToState } from "./apkg/history-state";
import type { WorkerRefusal } from "@/lib/untrusted/limits";
import { storeDeckImages, type ImageToStore } from "@/lib/media/mutations";
import { REVIEW_SETTINGS_SELECT } from "@/lib/users/data";
import { parseImportFileInWorker } from "./parse-in-worker";
import type { ApkgOptions, SubDeckPlacement } from "./read-apkg";
import { formatProblems, isFileProblem, type ColumnMapping, type ImportedCard, type ImportProblem } from "./schema";

/** `skipped`: problem rows left out at the teacher's request; `withHistory`: cards that arrived with an FSRS state. */
export type ImportSummary = { created: number; updated: number; skipped: number; withHistory: number };

/**
 * The importing teacher's FSRS state for cards that bring Anki review history. Cards the teacher already has a
 * state for (a re-import) keep it: their reviews here are newer than the package.
 */
async function writeHistories(tx: Prisma.TransactionClient, ownerId: string, deckIds: string[], histories: CardHistory[]): Promise<number> {
  if (histories.length === 0) return 0;
  const settings = await tx.user.findUnique({ where: { id: ownerId }, select: REVIEW_SETTINGS_SELECT });
  if (!settings) return 0;
  const cards = await tx.card.findMany({
    where: { deckId: { in: deckIds }, stableId: { in: histories.map((history) => history.stableId) } },
    select: { id: true, stableId: true },
  });
  const cardIds = new Map(cards.map((card) => [card.stableId, card.id]));
  const rows = histories.flatMap((history) => {
    const cardId = cardIds.get(history.stableId);
    const state = cardId ? historyToState(history, settings) : null;
    return cardId && state ? [{ userId: ownerId, cardId, ...state }] : [];
  });
  const written = await tx.cardState.createMany({ data: rows, skipDuplicates: true });
  return written.count;
}

type NewCard = ImportedCard & { position: number };

// Rows per statement, and per stretch of JavaScript between two of them: building, stringifying and sending 500
// rows holds the event loop for a few milliseconds, and each statement's round trip lets other requests run.
const INSERT_BATCH = 500;

/**
 * Inserts new cards in one statement whose rows travel as a single JSON parameter. Prisma's createMany builds its
 * statement on the event loop, about a millisecond per row: 10,000 rows held every other request for many seconds.
 */
async function insertBatch(tx: Prisma.TransactionClient, deckId: string, cards: NewCard[]): Promise<void> {
  const rows = JSON.stringify(cards.map((card) => ({ ...card, id: `imp${randomUUID().replaceAll("-", "")}` })));
  await tx.$executeRaw`
    INSERT INTO "Card" (id, "deckId", "stableId", kind, prompt, answer, choices, explanation, tolerance, tags, position, "updatedAt")
    SELECT r.id, ${deckId}, r."stableId", r.kind::"CardKind", r.prompt, r.answer, r.choices, r.explanation, r.tolerance, r.tags, r.position, now()
    FROM jsonb_to_recordset(${rows}::jsonb) AS r(id text, "stableId" text, kind text, prompt text, answer text, choices text[], explanation text, tolerance float8, tags text[], position int)`;
}

/**
 * Appends cards to one deck, updating in place those whose stable id the deck already has. The cards are taken
 * a batch at a time, so no stretch of this loop holds the event loop for the whole file.
 */
async function writeDeckCards(tx: Prisma.TransactionClient, deckId: string, cards: ImportedCard[]): Promise<{ created: number; updated: number }> {
  const stableIds = cards.flatMap((card) => (card.stableId ? [card.stableId] : []));
  const existing = new Map(
    stableIds.length === 0
      ? []
      : (await tx.card.findMany({ where: { deckId, stableId: { in: stableIds } }, select: { id: true, stableId: true } })).map((card) => [
          card.stableId,
          card.id,
        ]),
  );
  let position = ((await tx.card.aggregate({ where: { deckId }, _max: { position: true } }))._max.position ?? -1) + 1;
  let created = 0;
  let updated = 0;
  for (let start = 0; start < cards.length; start += INSERT_BATCH) {
    const toCreate: NewCard[] = [];
    for (const { stableId, ...content } of cards.slice(start, start + INSERT_BATCH)) {
      const existingId = stableId ? existing.get(stableId) : undefined;
      if (existingId) {
        await tx.card.update({ where: { id: existingId }, data: content });
        updated += 1;
      } else {
        toCreate.push({ ...content, stableId, position: position++ });
      }
    }
    if (toCreate.length > 0) await insertBatch(tx, deckId, toCreate);
    created += toCreate.length;
  }
  return { created, updated };
}

/**
 * Splits the cards between the deck imported into and the teacher's sub-decks named "Deck::Path", creating those
 * that do not exist yet; a name past the deck-name limit refuses the import.
 */
async function groupBySubDeck(
  tx: Prisma.TransactionClient,
  ownerId: string,
  deck: { id: string; name: string },
  cards: ImportedCard[],
  subDecks: SubDeckPlacement[],
) {
  if (subDecks.length === 0) return new Map([[deck.id, cards]]);
  const pathOf = new Map(subDecks.map((placement) => [placement.stableId, placement.path]));
  const groups = new Map<string, ImportedCard[]>();
  const deckIdOfPath = new Map<string, string>();
  for (const card of cards) {
    const path = card.stableId ? pathOf.get(card.stableId) : undefined;
    let target = deck.id;
    if (path) {
      const name = deckNameSchema.safeParse(`${deck.name}::${path}`);
      if (!name.success) return null;
      if (!deckIdOfPath.has(path)) {
        const subDeck = await tx.deck.upsert({
          where: { ownerId_name: { ownerId, name: name.data } },
          create: { ownerId, name: name.data },
          update: {},
          select: { id: true },
        });
        deckIdOfPath.set(path, subDeck.id);
      }
      target = deckIdOfPath.get(path)!;
    }
    const group = groups.get(target);
    if (group) group.push(card);
    else groups.set(target, [card]);
  }
  return groups;
}

/**
 * Writes parsed cards into the owner's deck (and, for an Anki package's sub-decks, the owner's "Deck::Sub" decks),
 * with the images their cards show, in one transaction: all of them or none. A card whose stable id already exists in its deck is updated in place
 * (students keep their memory of it); the rest are appended.
 */
export async function writeImportedCards(
  db: Db,
  ownerId: string,
  deckId: string,
  cards: ImportedCard[],
  extra: { skipped?: number; histories?: CardHistory[]; subDecks?: SubDeckPlacement[]; images?: ImageToStore[] } = {},
): Promise<ActionResult<ImportSummary>> {
  return db.$transaction(
    async (tx) => {
      const deck = await tx.deck.findFirst({ where: { id: deckId, ownerId }, select: { id: true, name: true } });
      if (!deck) return fail("not_found", "That deck does not exist or is not yours.");
      const groups = await groupBySubDeck(tx, ownerId, deck, cards, extra.subDecks ?? []);
      if (!groups) return fail("invalid_input", "A sub-deck's name would pass 100 characters; keep sub-decks as tags instead.");
      let created = 0;
      let updated = 0;
      for (const [target, group] of groups) {
        const written = await writeDeckCards(tx, target, group);
        await storeDeckImages(tx, target, group, extra.images ?? []);
        created += written.created;
        updated += written.updated;
      }
      const withHistory = await writeHistories(tx, ownerId, [...groups.keys()], extra.histories ?? []);
      return ok({ created, updated, skipped: extra.skipped ?? 0, withHistory });
    },
    // 10,000 rows written in one transaction take longer than Prisma's 5 s default.
    { timeout: 120_000 },
  );
}

/** What the teacher chose in the preview: leave out the problem rows and import the rest, and Anki's options. */
export type ImportChoices = { skipProblems?: boolean; apkg?: ApkgOptions };

/**
 * Parses the file (in a worker, within its limits) and writes its cards in one transaction. A row with a problem
 * refuses the whole file unless the
 * teacher chose to leave the problem rows out; a problem with the file itself always refuses it. Either way the
 * rows are reported, and nothing is ever half-imported.
 */
export async function importDeckFile(
  db: Db,
  ownerId: string,
  deckId: string,
  file: { name: string; bytes: Uint8Array },
  mapping?: ColumnMapping,
  choices: ImportChoices = {},
): Promise<ActionResult<ImportSummary> | { ok: false; code: "invalid_input"; message: string; problems: ImportProblem[] } | WorkerRefusal> {
  const outcome = await parseImportFileInWorker(file, mapping, choices.apkg);
  if (!outcome.ok) return outcome;
  const parsed = outcome.data;
  const refused = choices.skipProblems ? parsed.problems.filter(isFileProblem) : parsed.problems;
  if (refused.length > 0) {
    return { ok: false, code: "invalid_input", message: `Nothing was imported. ${formatProblems(refused)}`, problems: refused };
  }
  if (parsed.cards.length === 0) return fail("invalid_input", "The file has no cards.");
  return writeImportedCards(db, ownerId, deckId, parsed.cards, {
    skipped: new Set(parsed.problems.map((problem) => problem.row)).size,
    histories: parsed.histories,
    subDecks: parsed.subDecks,
    images: parsed.images,
  });
}
