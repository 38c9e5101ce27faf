import { describe, expect, it } from "vitest";
import { buildFactDeck } from "@/lib/facts/cards";
import { evaluateShippedDeck, shippedDeckFailures } from "@/lib/facts/evaluate";
import type { Fact } from "@/lib/facts/schema";
import { readFactBase } from "@/seeds/facts";

const { facts, documents } = readFactBase();
const cards = buildFactDeck(facts, documents);

/**
 * The claims ../shared/docs/source-errors.md lists. Each must be settled by a corrected fact (or a disputed one that
 * sets out both figures), and no text a card teaches as true (question, answer, true statement, cloze) may repeat
 * it. False statements and explanations may.
 */
const SOURCE_ERRORS: { claim: string; correctedBy: RegExp; taught: RegExp }[] = [
  { claim: "the Hague summit in July 2025", correctedBy: /July/, taught: /Hague[^.]{0,60}\bJuly\b|\bJuly\b[^.]{0,40}Hague/ },
  { claim: "the Hague summit marks NATO's 75th anniversary", correctedBy: /75th/, taught: /Hague[^.]{0,80}75th|75th[^.]{0,80}Hague/ },
  { claim: "U.S. Senator Marco Rubio", correctedBy: /Senator/, taught: /Senator (Marco )?Rubio/ },
  { claim: "Hadja Lahbib hosted the April 2025 meeting", correctedBy: /Lahbib/, taught: /Lahbib[^.]{0,40}\bhost|\bhost[^.]{0,60}Lahbib/ },
  {
    claim: "April 2025 was Rutte's first foreign ministers' meeting",
    correctedBy: /Rutte/,
    taught: /Rutte[^.]{0,80}\bfirst\b[^.]{0,60}April 2025|April 2025[^.]{0,80}Rutte'?s? first/,
  },
  { claim: "the war entered its third year in April 2025", correctedBy: /third year/, taught: /third year/ },
  { claim: "only 22 of 32 allies meet 2%", correctedBy: /\b22\b/, taught: /\b22 of (NATO's )?32\b|\b22 allies\b/ },
  { claim: "the 2% baseline was agreed in 2023", correctedBy: /2023/, taught: /2%[^.]{0,40}agreed in 2023|agreed in 2023[^.]{0,40}2%/ },
  { claim: "full implementation by 2032", correctedBy: /2032/, taught: /\bby 2032\b/ },
];

const taughtTexts = (fact: Fact) => [fact.question, fact.answer.text, fact.statement, fact.cloze ?? ""];

describe("the shipped deck", () => {
  it("meets every aim of the eval: one card per fact, context in every stem, corrections shown, a clean rubric lint", () => {
    const report = evaluateShippedDeck(facts, cards);
    expect(report.lint).toEqual([]);
    expect(shippedDeckFailures(report)).toEqual([]);
    expect(report.facts).toBeGreaterThanOrEqual(100);
  });

  it("schedules exactly one card per fact, with unique card ids", () => {
    expect(new Set(cards.map((card) => card.id)).size).toBe(facts.length);
    expect(new Set(cards.map((card) => card.factId))).toEqual(new Set(facts.map((fact) => fact.id)));
  });

  it.each(SOURCE_ERRORS)("settles '$claim' with a correction and never teaches it", ({ correctedBy, taught }) => {
    const settling = facts.filter(
      (fact) =>
        (fact.status === "corrected" && correctedBy.test(fact.correction.claim)) ||
        (fact.status === "disputed" && fact.dispute.positions.some((position) => correctedBy.test(position.says))),
    );
    expect(settling.length).toBeGreaterThan(0);
    for (const fact of settling) expect(cards.find((card) => card.factId === fact.id)?.explanation).toMatch(/Correction:|Sources differ\./);
    const teaching = facts.filter((fact) => taughtTexts(fact).some((text) => taught.test(text))).map((fact) => fact.id);
    expect(teaching).toEqual([]);
  });

  it("gives every multiple-choice card its answer and three distinct distractors", () => {
    for (const card of cards.filter((card) => card.kind === "mcq")) {
      expect(card.choices, card.id).toHaveLength(4);
      expect(card.choices, card.id).toContain(card.answer);
      expect(new Set(card.choices).size, card.id).toBe(4);
    }
  });

  it("keeps each card's source: a named document and the sentence that supports it", () => {
    for (const card of cards) {
      expect(card.source.document, card.id).toMatch(/\(\d{4}(-\d{2}){0,2}\)/);
      expect(card.source.sentence.length, card.id).toBeGreaterThan(10);
    }
  });

  it("starts a new learner on core facts from several topics, not one meeting twenty times", () => {
    const firstTwenty = cards.slice(0, 20);
    expect(new Set(firstTwenty.map((card) => card.tags[0])).size).toBeGreaterThanOrEqual(3);
    const firstDetail = cards.findIndex((card) => card.importance === "detail");
    expect(firstDetail).toBeGreaterThan(0);
    expect(cards.slice(firstDetail).every((card) => card.importance === "detail")).toBe(true);
  });
});
