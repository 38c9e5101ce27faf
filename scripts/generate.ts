import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCards } from "../lib/generator/generate";
import { parseFrontMatter } from "../lib/generator/front-matter";
import type { GeneratedCard, SourceDocumentInput } from "../lib/generator/types";
import type { FactCard } from "../lib/facts/cards";
import { buildShippedDeck, loadNatoDecks, NATO_DECK_NAME, storeGeneratedDeck } from "../seeds/load";
import { FactBaseError } from "../seeds/facts";
import { withAppDatabase } from "./support/app-database";

const USAGE = `Usage: npm run generate -- [FILES…] [--deck NAME] [--json OUT.json] [--dry-run]
  With no FILES: the shipped NATO deck, one card per fact of seeds/facts.
  With FILES: candidate cards from those articles, stored in --deck (default "Cards from articles").`;
const ARTICLE_DECK_NAME = "Cards from articles";
const MAX_FILE_BYTES = 5 * 1024 * 1024;

class InputError extends Error {}

/** Reads one article, refusing what is not readable text, so bad input stops before anything is written. */
function readArticle(file: string): SourceDocumentInput {
  if (!existsSync(file)) throw new InputError(`${file}: no such file.`);
  const stat = statSync(file);
  if (!stat.isFile()) throw new InputError(`${file}: not a regular file.`);
  if (stat.size > MAX_FILE_BYTES) throw new InputError(`${file}: larger than 5 MB.`);
  const bytes = readFileSync(file);
  let text: string;
  try {
    if (bytes.includes(0)) throw new Error("NUL byte");
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${file}: looks like a binary file, not UTF-8 text.`);
  }
  if (text.trim().length === 0) throw new InputError(`${file}: the file is empty.`);
  const { meta, body } = parseFrontMatter(text);
  return { name: meta.title ?? path.basename(file), text: body, meta };
}

function countByKind(cards: GeneratedCard[]): string {
  const counts = new Map<string, number>();
  for (const card of cards) counts.set(card.kind, (counts.get(card.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${kind} ${n}`).join(", ");
}

function toJson(cards: GeneratedCard[]) {
  return cards.map(({ id, kind, prompt, answer, choices, explanation, tags, source, flags }) => ({
    id,
    kind,
    prompt,
    answer,
    choices,
    explanation,
    tags,
    source,
    flags,
  }));
}

function factCardsToJson(cards: FactCard[]) {
  return cards.map(({ id, kind, prompt, answer, choices, explanation, tags, source, factId, status, faces }) => ({
    id,
    kind,
    prompt,
    answer,
    choices,
    explanation,
    tags,
    source,
    flags: [],
    factId,
    status,
    faces,
  }));
}

/** No files: the shipped deck from the fact base, written as JSON and (unless --dry-run) loaded like db:seed. */
async function writeShippedDeck(values: { deck?: string; json?: string; "dry-run"?: boolean }) {
  if (values.deck !== undefined) throw new InputError(`--deck applies to articles; the shipped deck is always "${NATO_DECK_NAME}".`);
  const cards = buildShippedDeck();
  if (values.json) writeFileSync(values.json, `${JSON.stringify(factCardsToJson(cards), null, 2)}\n`);
  console.log(`${cards.length} facts -> ${cards.length} cards (${countByKind(cards)}), one per fact`);
  if (values.json) console.log(`JSON written to ${values.json}`);
  if (values["dry-run"]) return console.log("not stored (--dry-run)");
  const result = await withAppDatabase((db) => loadNatoDecks(db));
  console.log(`stored in deck "${NATO_DECK_NAME}": ${result.created} new, ${result.retired} earlier card(s) retired`);
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      strict: true,
      options: { deck: { type: "string" }, json: { type: "string" }, "dry-run": { type: "boolean", default: false } },
    });
  } catch (error) {
    throw new InputError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.deck !== undefined && values.deck.trim().length === 0) throw new InputError(`--deck needs a name.\n${USAGE}`);
  if (values.json !== undefined && !existsSync(path.dirname(path.resolve(values.json)))) {
    throw new InputError(`--json: the folder ${path.dirname(values.json)} does not exist.`);
  }
  if (positionals.length === 0) return writeShippedDeck(values);
  const docs = positionals.map(readArticle);

  const started = performance.now();
  const { cards, conflicts, rejected } = generateCards(docs);
  const ms = performance.now() - started;
  if (cards.length === 0) throw new InputError("No cards could be made from that text.");

  if (values.json) writeFileSync(values.json, `${JSON.stringify(toJson(cards), null, 2)}\n`);
  let stored = "not stored (--dry-run)";
  if (!values["dry-run"]) {
    const deckName = values.deck?.trim() ?? ARTICLE_DECK_NAME;
    const result = await withAppDatabase((db) => storeGeneratedDeck(db, { deckName, cards, conflicts }));
    stored = `stored in deck "${result.deckName}": ${result.created} new, ${result.updated} updated`;
  }
  console.log(`${docs.length} document(s) -> ${cards.length} cards (${countByKind(cards)}) in ${ms.toFixed(0)} ms`);
  console.log(`${conflicts.length} conflict(s) between sources flagged; ${rejected.length} candidate(s) rejected by quality rules`);
  for (const conflict of conflicts) console.log(`  conflict: ${conflict.description}`);
  if (values.json) console.log(`JSON written to ${values.json}`);
  console.log(stored);
}

main().catch((error: unknown) => {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof InputError || error instanceof FactBaseError ? 2 : 1);
});
