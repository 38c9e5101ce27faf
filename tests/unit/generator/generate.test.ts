import { describe, expect, it } from "vitest";
import { generateCards } from "@/lib/generator/generate";
import { tokenize, containsTokenRun } from "@/lib/generator/normalize";
import { computeStableId } from "@/lib/generator/stable-id";
import type { GeneratedCard } from "@/lib/generator/types";
import { ENCYCLOPEDIA, NEWS_WITH_CRUFT, PRESS_CONFERENCE, PREVIEW } from "./fixtures";

const DOCS = [NEWS_WITH_CRUFT, ENCYCLOPEDIA, PREVIEW, PRESS_CONFERENCE];
const result = generateCards(DOCS);
const ofKind = (kind: GeneratedCard["kind"]) => result.cards.filter((card) => card.kind === kind);

describe("generateCards", () => {
  it("emits every card kind", () => {
    for (const kind of ["cloze", "qa", "mcq", "truefalse", "numeric"] as const) expect(ofKind(kind).length).toBeGreaterThan(0);
  });

  it("writes cloze cards with exactly one {{c1::…}} deletion holding the answer", () => {
    for (const card of ofKind("cloze")) {
      const deletions = [...card.prompt.matchAll(/\{\{c1::([^}]*)\}\}/g)];
      expect(deletions).toHaveLength(1);
      expect(deletions[0]?.[1]).toBe(card.answer);
    }
  });

  it("asks questions that end with a question mark and do not give the answer away", () => {
    const questions = ofKind("qa");
    expect(questions.map((card) => `${card.prompt} => ${card.answer}`)).toContain(
      "Which U.S. Secretary of State takes part in the Brussels talks? => Marco Rubio",
    );
    for (const card of questions) expect(card.prompt).toMatch(/\?$/);
  });

  it("gives multiple-choice cards the answer plus three distinct distractors", () => {
    for (const card of ofKind("mcq")) {
      expect(card.choices).toHaveLength(4);
      expect(new Set(card.choices).size).toBe(4);
      expect(card.choices).toContain(card.answer);
    }
  });

  it("builds false statements by swapping in a distractor, never by negation", () => {
    const falses = ofKind("truefalse").filter((card) => card.answer === "False");
    expect(falses.length).toBeGreaterThan(0);
    for (const card of falses) {
      const source = card.source.sentence;
      expect(card.prompt).not.toBe(source);
      expect(/\b(?:not|never|no)\b/i.test(card.prompt)).toBe(/\b(?:not|never|no)\b/i.test(source));
      expect(card.explanation).toMatch(/^False: the source says .+, not .+\./);
    }
    for (const card of ofKind("truefalse").filter((c) => c.answer === "True")) expect(card.prompt).toContain(card.source.sentence.replace(/^And /, ""));
  });

  it("gives numeric cards a tolerance: exact for years and counts, small for percentages", () => {
    for (const card of ofKind("numeric")) {
      expect(Number.isFinite(Number(card.answer))).toBe(true);
      expect(card.prompt).toContain("___");
      expect(card.tolerance).toBe(card.prompt.includes("___%") ? 0.1 : 0);
    }
  });

  it("never puts the answer in the prompt", () => {
    for (const card of result.cards.filter((c) => c.kind !== "truefalse")) {
      const visible = tokenize(card.prompt.replace(/\{\{c1::[^}]*\}\}/g, " "));
      expect(containsTokenRun(visible, tokenize(card.answer))).toBe(false);
    }
  });

  it("builds nothing from cruft, the Turkish summary, reporters' questions or quotes of uncertain speakers", () => {
    const sources = result.cards.map((card) => card.source.sentence).join("\n");
    for (const noise of ["AP Photo", "rate it", "Nisan", "do you see the incident", "encourage the parties", "front row", "willing to sit with Putin"]) {
      expect(sources).not.toContain(noise);
    }
    expect(result.rejected.some((item) => item.reason === "uncertain-speaker")).toBe(true);
  });

  it("refuses prompts that open with a vague pronoun and attributes the principal's first-person lines", () => {
    const vague = generateCards([{ name: "vague", text: "He said the 5% target is essential for NATO.\nIt will be agreed in The Hague in June." }]);
    expect(vague.cards).toHaveLength(0);
    expect(new Set(vague.rejected.map((item) => item.reason))).toEqual(new Set(["vague-pronoun"]));
    const fromTranscript = result.cards.filter((card) => card.source.document === "press-conference");
    expect(fromTranscript.length).toBeGreaterThan(0);
    for (const card of fromTranscript) expect(card.prompt).toMatch(/^(?:Mark Rutte: |According to Mark Rutte, )/);
  });

  it("tags cards by topic", () => {
    const tags = new Set(result.cards.flatMap((card) => card.tags));
    for (const tag of ["turkiye", "summits", "defence-spending", "people", "united-states"]) expect(tags).toContain(tag);
  });

  it("rejects near-duplicates when two sources state the same fact", () => {
    const twin = { ...NEWS_WITH_CRUFT, name: "antalya-news-copy" };
    const doubled = generateCards([NEWS_WITH_CRUFT, twin]);
    expect(doubled.cards.filter((card) => card.source.document === "antalya-news-copy")).toHaveLength(0);
    expect(doubled.rejected.filter((item) => item.reason === "near-duplicate").length).toBeGreaterThan(0);
  });

  it("caps the cards taken from one sentence", () => {
    const capped = generateCards(DOCS, { maxCardsPerSentence: 1 });
    const perSentence = new Map<string, number>();
    for (const card of capped.cards) perSentence.set(card.source.sentence, (perSentence.get(card.source.sentence) ?? 0) + 1);
    expect(Math.max(...perSentence.values())).toBe(1);
  });
});

describe("conflicts between sources", () => {
  it("detects the Hague summit month and Rubio's office as disagreements", () => {
    const topics = result.conflicts.map((conflict) => conflict.topic);
    expect(topics).toEqual(expect.arrayContaining(["the month of the summit in The Hague", "Marco Rubio's office"]));
    const month = result.conflicts.find((conflict) => conflict.topic.includes("Hague"));
    expect(month?.description).toMatch(/July \(kure-entry\).*June \(aletihad-preview\)|June \(aletihad-preview\).*July \(kure-entry\)/);
    expect(month?.sources).toEqual(expect.arrayContaining(["kure-entry", "aletihad-preview"]));
  });

  it("flags the cards built on a disputed claim instead of teaching one side as fact", () => {
    const flagged = result.cards.filter((card) => card.flags?.length);
    expect(flagged.length).toBeGreaterThan(0);
    const ids = new Set(result.conflicts.map((conflict) => `conflict:${conflict.id}`));
    for (const card of flagged) for (const flag of card.flags ?? []) expect(ids.has(flag)).toBe(true);
    const julyCards = result.cards.filter((card) => /July/.test(card.prompt) || card.answer.includes("July"));
    expect(julyCards.length).toBeGreaterThan(0);
    for (const card of julyCards) expect(card.flags?.length).toBeGreaterThan(0);
    const senatorCards = result.cards.filter((card) => /Senator/.test(card.prompt));
    for (const card of senatorCards) expect(card.flags?.length).toBeGreaterThan(0);
  });

  it("reports no conflict when sources agree", () => {
    expect(generateCards([PREVIEW, { ...PREVIEW, name: "same-again" }]).conflicts).toEqual([]);
  });
});

describe("determinism and ids", () => {
  it("gives the same cards, ids, order, conflicts and rejections for the same input", () => {
    expect(generateCards(DOCS)).toEqual(result);
  });

  it("derives ids from kind, prompt and answer only", () => {
    for (const card of result.cards) expect(card.id).toBe(computeStableId("card", [card.kind, card.prompt, card.answer]));
    expect(new Set(result.cards.map((card) => card.id)).size).toBe(result.cards.length);
  });

  it("keeps a card's id when unrelated documents are added", () => {
    const alone = generateCards([NEWS_WITH_CRUFT]).cards.filter((card) => card.kind === "cloze" || card.kind === "numeric" || card.kind === "qa");
    const together = new Set(result.cards.map((card) => card.id));
    expect(alone.filter((card) => together.has(card.id)).length).toBeGreaterThan(alone.length / 2);
  });
});
