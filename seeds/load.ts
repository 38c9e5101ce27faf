import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../lib/db/client";
import { hashPassword } from "../lib/auth/password";
import { upsertGeneratedCards } from "../lib/decks/generated-cards";
import { buildFactDeck, type FactCard } from "../lib/facts/cards";
import { parseFrontMatter } from "../lib/generator/front-matter";
import { readFactBase } from "./facts";
import type { GeneratedCard, SourceConflict, SourceDocumentInput } from "../lib/generator/types";

export const SOURCES_DIR = path.join(import.meta.dirname, "sources");
export const SYSTEM_USER_ID = "system-nato-decks";
export const NATO_DECK_NAME = "NATO 2025: ministerials and the Hague summit";
/** The deck's name before the fact base; a database that has it is renamed in place, keeping assignments. */
const EARLIER_NATO_DECK_NAME = "NATO ministerials 2025";
/** Where cards the fact base replaced are kept: private and unassigned, so no queue shows them, yet every review stays. */
export const RETIRED_DECK_NAME = "NATO ministerials 2025 (retired cards)";

/** The project's own restatements of the source articles, with their metadata. */
export function readSeedSources(dir = SOURCES_DIR): SourceDocumentInput[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => {
      const { meta, body } = parseFrontMatter(readFileSync(path.join(dir, file), "utf8"));
      return { name: meta.title ?? file, text: body, meta };
    });
}

const NATO_DECK_DESCRIPTION =
  "One card per fact: the foreign ministers in Brussels (April 2025) and Antalya (May 2025), the Hague summit (June 2025) and its 5% pledge, and the treaty articles, offices and members behind them. Where a source article got a fact wrong, the card says so.";

async function ensureSystemUser(db: Db) {
  await db.user.upsert({
    where: { id: SYSTEM_USER_ID },
    create: { id: SYSTEM_USER_ID, name: "Alliance Recall", role: "SYSTEM" },
    update: {},
  });
}

/** Upserts generated cards into a public deck of the system user (named by the caller). */
export async function storeGeneratedDeck(
  db: Db,
  input: { deckName: string; cards: GeneratedCard[]; conflicts: SourceConflict[] },
): Promise<{ deckName: string; created: number; updated: number }> {
  await ensureSystemUser(db);
  const deck = await db.deck.upsert({
    where: { ownerId_name: { ownerId: SYSTEM_USER_ID, name: input.deckName } },
    create: { ownerId: SYSTEM_USER_ID, name: input.deckName, tags: ["nato"], isPublic: true },
    update: {},
  });
  const result = await upsertGeneratedCards(db, deck.id, input.cards, input.conflicts);
  return { deckName: input.deckName, created: result.created, updated: result.updated };
}

/** The shipped deck's cards: one per fact of seeds/facts, in study order. */
export function buildShippedDeck(): FactCard[] {
  const { facts, documents } = readFactBase();
  return buildFactDeck(facts, documents);
}

/** The NATO deck row, renamed from its earlier name when an older database has it. */
async function ensureNatoDeck(db: Db): Promise<string> {
  await ensureSystemUser(db);
  const earlier = await db.deck.findUnique({ where: { ownerId_name: { ownerId: SYSTEM_USER_ID, name: EARLIER_NATO_DECK_NAME } }, select: { id: true } });
  const current = await db.deck.findUnique({ where: { ownerId_name: { ownerId: SYSTEM_USER_ID, name: NATO_DECK_NAME } }, select: { id: true } });
  const data = { name: NATO_DECK_NAME, description: NATO_DECK_DESCRIPTION, tags: ["nato"], isPublic: true };
  if (!current && earlier) return (await db.deck.update({ where: { id: earlier.id }, data })).id;
  return (await db.deck.upsert({ where: { ownerId_name: { ownerId: SYSTEM_USER_ID, name: NATO_DECK_NAME } }, create: { ownerId: SYSTEM_USER_ID, ...data }, update: data })).id;
}

/**
 * Cards of the NATO deck that the fact base no longer makes (the sentence-generated cards of earlier versions)
 * move to a private deck of the system user. Their rows, learners' states and review logs stay, so exports keep
 * every review, while no queue, deck list or dashboard counts them beside the fact cards that replace them.
 */
async function retireReplacedCards(db: Db, deckId: string, keptStableIds: readonly string[]): Promise<number> {
  return db.$transaction(async (tx) => {
    const retired = await tx.deck.upsert({
      where: { ownerId_name: { ownerId: SYSTEM_USER_ID, name: RETIRED_DECK_NAME } },
      create: { ownerId: SYSTEM_USER_ID, name: RETIRED_DECK_NAME, description: "Cards replaced by the fact-based NATO deck; kept for learners' review history.", isPublic: false },
      update: {},
    });
    const { count } = await tx.card.updateMany({
      where: { deckId, OR: [{ stableId: null }, { stableId: { notIn: [...keptStableIds] } }] },
      data: { deckId: retired.id },
    });
    // The old generator's cross-source conflicts belonged to the replaced cards; the fact base settles them.
    await tx.sourceConflict.deleteMany({ where: { deckId } });
    return count;
  });
}

/** Loads the NATO deck from seeds/facts. Idempotent: card ids follow fact ids, so a rerun updates in place. */
export async function loadNatoDecks(db: Db): Promise<{ decks: number; cards: number; created: number; retired: number }> {
  const cards = buildShippedDeck();
  const deckId = await ensureNatoDeck(db);
  const retired = await retireReplacedCards(db, deckId, cards.map((card) => card.id));
  const result = await upsertGeneratedCards(db, deckId, cards, []);
  return { decks: 1, cards: cards.length, created: result.created, retired };
}

const DEMO_ACCOUNTS = [
  { email: "student@demo.local", name: "Demo Student", role: "STUDENT" as const },
  { email: "teacher@demo.local", name: "Demo Teacher", role: "TEACHER" as const },
];

/** Local demo logins, with the password generated into .data on first start. */
export async function ensureDemoAccounts(db: Db, password: string): Promise<{ email: string; password: string }> {
  const passwordHash = await hashPassword(password);
  for (const account of DEMO_ACCOUNTS) {
    await db.user.upsert({ where: { email: account.email }, create: { ...account, passwordHash }, update: { passwordHash } });
  }
  return { email: DEMO_ACCOUNTS[0]!.email, password };
}
