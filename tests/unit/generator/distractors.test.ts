import { describe, expect, it } from "vitest";
import { analyzeDocument } from "@/lib/generator/analyze";
import { buildDistractorPool, pickDistractors } from "@/lib/generator/distractors";
import { GAZETTEER } from "@/lib/generator/gazetteer";
import { overlapsByTokens, tokenize } from "@/lib/generator/normalize";
import type { AnalyzedSentence, Mention, MentionType } from "@/lib/generator/types";
import { ENCYCLOPEDIA, NEWS_WITH_CRUFT, PREVIEW } from "./fixtures";

const sentences = [NEWS_WITH_CRUFT, ENCYCLOPEDIA, PREVIEW].flatMap((doc) => analyzeDocument(doc).sentences);
const pool = buildDistractorPool(sentences);
const namesOf = (type: MentionType) => new Set(GAZETTEER.filter((entry) => entry.type === type).flatMap((entry) => [entry.canonical, entry.surname ?? ""]));

function find(type: MentionType, text: string): { sentence: AnalyzedSentence; mention: Mention } {
  for (const sentence of sentences) {
    const mention = sentence.mentions.find((m) => m.type === type && m.text === text);
    if (mention) return { sentence, mention };
  }
  throw new Error(`no ${type} mention "${text}"`);
}

describe("pickDistractors", () => {
  it("draws three distractors of the answer's own type: cities for cities, countries for countries", () => {
    const city = find("city", "Antalya");
    const cities = pickDistractors(pool, city.mention, city.sentence);
    expect(cities).toHaveLength(3);
    for (const choice of cities) expect(namesOf("city").has(choice)).toBe(true);

    const country = find("country", "Türkiye");
    const countries = pickDistractors(pool, country.mention, country.sentence);
    expect(countries).toHaveLength(3);
    for (const choice of countries) expect(namesOf("country").has(choice)).toBe(true);
  });

  it("never offers a distractor that contains or is contained in the answer, or that the sentence already names", () => {
    for (const sentence of sentences) {
      for (const mention of sentence.mentions) {
        for (const choice of pickDistractors(pool, mention, sentence)) {
          expect(overlapsByTokens(tokenize(choice), tokenize(mention.text))).toBe(false);
          expect(choice).not.toBe(mention.text);
          expect(sentence.text.toLowerCase()).not.toContain(choice.toLowerCase());
        }
      }
    }
  });

  it("matches the answer's form: surnames for a surname, full names for a full name", () => {
    const full = find("person", "Hakan Fidan");
    expect(pickDistractors(pool, full.mention, full.sentence).every((choice) => choice.includes(" "))).toBe(true);
    const surname = find("person", "Rubio");
    expect(pickDistractors(pool, surname.mention, surname.sentence).every((choice) => !choice.includes(" "))).toBe(true);
  });

  it("keeps numbers in the answer's format and never repeats the answer", () => {
    const share = find("percentage", "2%");
    const shares = pickDistractors(pool, share.mention, share.sentence);
    expect(shares).toHaveLength(3);
    for (const choice of shares) expect(choice).toMatch(/^\d+(?:\.\d+)?%$/);

    const dates = find("date", "April 3-4, 2025");
    for (const choice of pickDistractors(pool, dates.mention, dates.sentence)) expect(choice).toMatch(/^[A-Z][a-z]+ 3-4, 2025$/);
  });
});
