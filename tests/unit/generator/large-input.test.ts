import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "@/lib/generator/front-matter";
import { generateCards } from "@/lib/generator/generate";
import { computeJaccard, normalizeKey, tokenize } from "@/lib/generator/normalize";
import type { GeneratedCard, SourceDocumentInput } from "@/lib/generator/types";

const SOURCES = path.resolve(import.meta.dirname, "..", "..", "..", "seeds", "sources");
const COPIES = 20;
/** Stricter than the generator's own threshold (0.7), as in scripts/eval-generator.ts. */
const DUPLICATE_JACCARD = 0.6;

const seeds: SourceDocumentInput[] = readdirSync(SOURCES)
  .filter((file) => file.endsWith(".md"))
  .sort()
  .map((file) => {
    const { meta, body } = parseFrontMatter(readFileSync(path.join(SOURCES, file), "utf8"));
    return { name: file, text: body, meta };
  });

// How a news site reprints wire copy: the same article between its own page furniture.
const furniture = (copy: number) => [`Menu`, `By Staff Reporter ${copy}`, `Share`, `Previous Article`, `How useful was this post?`];

/** A few hundred KB: the restated sources many times over, every other copy framed by page furniture. */
const large: SourceDocumentInput[] = Array.from({ length: COPIES }, (_, copy) =>
  seeds.map((doc) => ({
    ...doc,
    name: `${doc.name} (copy ${copy})`,
    text: copy % 2 === 0 ? doc.text : [...furniture(copy).slice(0, 2), doc.text, ...furniture(copy).slice(2)].join("\n\n"),
  })),
).flat();

const result = generateCards(large);

/** Pairs of cards of one kind and answer whose visible prompts share most of their words. */
function findNearDuplicates(cards: readonly GeneratedCard[]): [string, string][] {
  const groups = new Map<string, { prompt: string; tokens: Set<string> }[]>();
  const pairs: [string, string][] = [];
  for (const card of cards) {
    const key = `${card.kind}\u241f${card.kind === "truefalse" ? "" : normalizeKey(card.answer)}`;
    const tokens = new Set(tokenize(card.prompt.replace(/\{\{c1::[^}]*\}\}/g, " ")));
    const group = groups.get(key) ?? [];
    for (const other of group) if (computeJaccard(tokens, other.tokens) >= DUPLICATE_JACCARD) pairs.push([other.prompt, card.prompt]);
    groups.set(key, [...group, { prompt: card.prompt, tokens }]);
  }
  return pairs;
}

describe("generateCards on a large input", () => {
  it("reads a few hundred KB", () => {
    const bytes = large.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0);
    expect(bytes).toBeGreaterThan(250_000);
    expect(result.cards.length).toBeGreaterThan(500);
  });

  // A second full run of the large input: seconds on two shared cores, so it gets more than the default 5 s.
  it("gives the same cards, ids, conflicts and rejections on every run", () => {
    expect(generateCards(large)).toEqual(result);
  }, 30_000);

  it("gives every card its own id", () => {
    expect(new Set(result.cards.map((card) => card.id)).size).toBe(result.cards.length);
  });

  it("yields no near-duplicate cards, however often a fact is repeated", () => {
    expect(findNearDuplicates(result.cards)).toEqual([]);
  });
});
