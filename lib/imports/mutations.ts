import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { WorkerRefusal } from "@/lib/untrusted/limits";
import { parseImportFileInWorker } from "./parse-in-worker";
import { formatProblems, type ColumnMapping, type ImportedCard, type ImportProblem } from "./schema";

export type ImportSummary = { created: number; updated: number };

type NewCard = ImportedCard & { position: number };

// Rows per statement: small enough that preparing one holds the event loop for a few milliseconds only.
const INSERT_BATCH = 500;

/**
 * Inserts new cards in statements whose rows travel as a single JSON parameter. Prisma's createMany builds its
 * statement on the event loop, about a millisecond per row: 10,000 rows held every other request for many seconds.
 */
async function insertCards(tx: Prisma.TransactionClient, deckId: string, cards: NewCard[]): Promise<void> {
  for (let start = 0; start < cards.length; start += INSERT_BATCH) {
    await insertBatch(tx, deckId, cards.slice(start, start + INSERT_BATCH));
  }
}

async function insertBatch(tx: Prisma.TransactionClient, deckId: string, cards: NewCard[]): Promise<void> {
  const rows = JSON.stringify(cards.map((card) => ({ ...card, id: `imp${randomUUID().replaceAll("-", "")}` })));
  await tx.$executeRaw`
    INSERT INTO "Card" (id, "deckId", "stableId", kind, prompt, answer, choices, explanation, tolerance, tags, position, "updatedAt")
    SELECT r.id, ${deckId}, r."stableId", r.kind::"CardKind", r.prompt, r.answer, r.choices, r.explanation, r.tolerance, r.tags, r.position, now()
    FROM jsonb_to_recordset(${rows}::jsonb) AS r(id text, "stableId" text, kind text, prompt text, answer text, choices text[], explanation text, tolerance float8, tags text[], position int)`;
}

/**
 * Writes parsed cards into the owner's deck in one transaction: all of them or none. A card whose stable id
 * already exists in the deck is updated in place (students keep their memory of it); the rest are appended.
 */
export async function writeImportedCards(db: Db, ownerId: string, deckId: string, cards: ImportedCard[]): Promise<ActionResult<ImportSummary>> {
  return db.$transaction(
    async (tx) => {
      const deck = await tx.deck.findFirst({ where: { id: deckId, ownerId }, select: { id: true } });
      if (!deck) return fail("not_found", "That deck does not exist or is not yours.");
      const stableIds = cards.flatMap((card) => (card.stableId ? [card.stableId] : []));
      const existing = new Map(
        (await tx.card.findMany({ where: { deckId, stableId: { in: stableIds } }, select: { id: true, stableId: true } })).map((card) => [card.stableId, card.id]),
      );
      let position = ((await tx.card.aggregate({ where: { deckId }, _max: { position: true } }))._max.position ?? -1) + 1;
      const toCreate: NewCard[] = [];
      let updated = 0;
      for (const { stableId, ...content } of cards) {
        const existingId = stableId ? existing.get(stableId) : undefined;
        if (existingId) {
          await tx.card.update({ where: { id: existingId }, data: content });
          updated += 1;
        } else {
          toCreate.push({ ...content, stableId, position: position++ });
        }
      }
      await insertCards(tx, deckId, toCreate);
      return ok({ created: toCreate.length, updated });
    },
    // 10,000 rows written in one transaction take longer than Prisma's 5 s default.
    { timeout: 120_000 },
  );
}

/**
 * Parses the file (in a worker, within its limits) and, only when every row is valid, writes all its cards; any problem refuses the whole file
 * and is reported by row, so nothing is ever half-imported.
 */
export async function importDeckFile(
  db: Db,
  ownerId: string,
  deckId: string,
  file: { name: string; bytes: Uint8Array },
  mapping?: ColumnMapping,
): Promise<ActionResult<ImportSummary> | { ok: false; code: "invalid_input"; message: string; problems: ImportProblem[] } | WorkerRefusal> {
  const outcome = await parseImportFileInWorker(file, mapping);
  if (!outcome.ok) return outcome;
  const parsed = outcome.data;
  if (parsed.problems.length > 0) {
    return { ok: false, code: "invalid_input", message: `Nothing was imported. ${formatProblems(parsed.problems)}`, problems: parsed.problems };
  }
  if (parsed.cards.length === 0) return fail("invalid_input", "The file has no cards.");
  return writeImportedCards(db, ownerId, deckId, parsed.cards);
}
