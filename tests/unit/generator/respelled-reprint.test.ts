import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { parseFrontMatter } from "@/lib/generator/front-matter";
import { canonicalWord } from "@/lib/generator/gazetteer";
import { generateCards } from "@/lib/generator/generate";
import { computeJaccard, normalizeKey, tokenize } from "@/lib/generator/normalize";
import type { GeneratedCard } from "@/lib/generator/types";

const SOURCE = path.resolve(import.meta.dirname, "..", "..", "..", "seeds", "sources", "antalya-meeting-preview-anadolu.md");

/** How a US site reprints the same wire copy: American spellings, the country's older English name. */
function americanReprint(text: string): string {
  return text
    .replace(/Türkiye/g, "Turkey")
    .replace(/defence/g, "defense")
    .replace(/Defence/g, "Defense")
    .replace(/programme/g, "program");
}

const words = (card: GeneratedCard) => new Set(tokenize(card.prompt.replace(/\{\{c1::[^}]*\}\}/g, " ")).map(canonicalWord));

it("maps respellings and gazetteer aliases to one word", () => {
  expect(["turkey", "turkiye", "defense", "defence", "program"].map(canonicalWord)).toEqual(["turkiye", "turkiye", "defence", "defence", "programme"]);
});

it("a reprint that only respells words adds no card that restates one from the original", () => {
  const { meta, body } = parseFrontMatter(readFileSync(SOURCE, "utf8"));
  expect(americanReprint(body)).not.toBe(body);
  const result = generateCards([
    { name: "original", text: body, meta },
    { name: "reprint", text: americanReprint(body), meta },
  ]);
  const original = result.cards.filter((card) => card.source.document === "original");
  const reprinted = result.cards.filter((card) => card.source.document === "reprint");
  expect(original.length).toBeGreaterThan(20);
  const restated = reprinted.filter((card) =>
    original.some(
      (other) =>
        other.kind === card.kind &&
        canonicalWord(normalizeKey(other.answer)) === canonicalWord(normalizeKey(card.answer)) &&
        computeJaccard(words(other), words(card)) >= 0.7,
    ),
  );
  expect(restated.map((card) => card.prompt)).toEqual([]);
});
