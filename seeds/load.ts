import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../lib/db/client";
import { hashPassword } from "../lib/auth/password";
import { upsertGeneratedCards } from "../lib/decks/generated-cards";
import { generateCards } from "../lib/generator/generate";
import { parseFrontMatter } from "../lib/generator/front-matter";
import type { GeneratedCard, SourceConflict, SourceDocumentInput } from "../lib/generator/types";

export const SOURCES_DIR = path.join(import.meta.dirname, "sources");
export const SYSTEM_USER_ID = "system-nato-decks";
export const NATO_DECK_NAME = "NATO ministerials 2025";

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
  "Foreign ministers in Brussels (April 2025) and Antalya (May 2025) on the road to The Hague summit: people, places, dates and spending figures.";

/** Upserts generated cards into a public deck of the system user (the NATO deck unless named). */
export async function storeGeneratedDeck(
  db: Db,
  input: { deckName?: string; cards: GeneratedCard[]; conflicts: SourceConflict[] },
): Promise<{ deckName: string; created: number; updated: number }> {
  const name = input.deckName ?? NATO_DECK_NAME;
  await db.user.upsert({
    where: { id: SYSTEM_USER_ID },
    create: { id: SYSTEM_USER_ID, name: "Alliance Recall", role: "SYSTEM" },
    update: {},
  });
  const deck = await db.deck.upsert({
    where: { ownerId_name: { ownerId: SYSTEM_USER_ID, name } },
    create: {
      ownerId: SYSTEM_USER_ID,
      name,
      description: name === NATO_DECK_NAME ? NATO_DECK_DESCRIPTION : "",
      tags: ["nato"],
      isPublic: true,
    },
    update: {},
  });
  const result = await upsertGeneratedCards(db, deck.id, input.cards, input.conflicts);
  return { deckName: name, created: result.created, updated: result.updated };
}

/** Generates the NATO deck from seeds/sources. Idempotent: stable card ids make a rerun update in place. */
export async function loadNatoDecks(db: Db): Promise<{ decks: number; cards: number; created: number }> {
  const { cards, conflicts } = generateCards(readSeedSources());
  const result = await storeGeneratedDeck(db, { cards, conflicts });
  return { decks: 1, cards: cards.length, created: result.created };
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
