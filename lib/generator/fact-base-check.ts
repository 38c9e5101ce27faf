import { foldWords } from "@/lib/facts/lint";
import type { Fact } from "@/lib/facts/schema";
import type { AnalyzedSentence } from "./types";

/** Why a candidate is flagged: the article repeats a claim the fact base corrects, with the record in words. */
export type FactBaseFlag = { factId: string; claim: string; correction: string };

// Words that name a source or a way of saying, not the fact: they never anchor a match or mark a claim.
const GENERIC = new Set(
  (
    "the a an of in on at to for by and or with as is was were be been has had have that this which who what when where how " +
    "nato allies ally alliance says said say calls called call places placed states stated claims claim entry encyclopedia article report " +
    "preview newslooks aletihad küre kure anadolu agency source sources according its their his her it they he she not only also than " +
    "more most first year years under from into during after before about between up"
  ).split(" "),
);

const wordsOf = (text: string) => foldWords(text).split(" ").filter((word) => word.length > 1 && !GENERIC.has(word));

/** Proper names and figures of the fact's stem and statement, minus its answer: what a sentence about it shares. */
function anchorsOf(fact: Fact): Set<string> {
  const answer = new Set(wordsOf([fact.answer.text, ...fact.answer.accept].join(" ")));
  const named = `${fact.question} ${fact.statement}`.match(/\p{Lu}[\p{L}'’-]+|\d+(?:[.,]\d+)?%?/gu) ?? [];
  return new Set(named.flatMap(wordsOf).filter((word) => !answer.has(word)));
}

const hasWords = (sentenceWords: ReadonlySet<string>, phrase: string) => {
  const words = foldWords(phrase).split(" ").filter(Boolean);
  return words.length > 0 && words.every((word) => sentenceWords.has(word));
};

function sharedAnchors(sentenceWords: ReadonlySet<string>, fact: Fact): number {
  let shared = 0;
  for (const anchor of anchorsOf(fact)) if (sentenceWords.has(anchor)) shared += 1;
  return shared;
}

const NUMERIC = new Set(["year", "number", "percent", "money"]);

/**
 * Facts of the base that an article restates: a sentence holds the fact's answer and enough of its names and
 * figures (three for a bare number, which matches too easily). One match per fact, at its first sentence.
 */
export function findFactBaseMatches(sentences: readonly AnalyzedSentence[], facts: readonly Fact[]): { fact: Fact; position: number }[] {
  const wordSets = sentences.map((sentence) => new Set(foldWords(sentence.text).split(" ")));
  const matches: { fact: Fact; position: number }[] = [];
  for (const fact of facts) {
    const needed = NUMERIC.has(fact.answer.type) ? 3 : 2;
    const position = wordSets.findIndex(
      (words) => [fact.answer.text, ...fact.answer.accept].some((answer) => hasWords(words, answer)) && sharedAnchors(words, fact) >= needed,
    );
    if (position >= 0) matches.push({ fact, position });
  }
  return matches.sort((a, b) => a.position - b.position);
}

/** The words of a correction's claim that the record does not use ("July" in "the Hague summit in July 2025"). */
function claimMarkers(fact: Fact & { status: "corrected" }): string[] {
  const record = new Set(wordsOf(`${fact.statement} ${fact.question} ${fact.answer.text} ${fact.cloze ?? ""}`));
  return [...new Set(wordsOf(fact.correction.claim))].filter((word) => !record.has(word));
}

/**
 * Whether a sentence repeats a claim the fact base corrects: it carries the claim's own words (a wrong month,
 * "Senator", a wrong count) and at least two of the fact's names and figures. Returns the correction in words.
 */
export function checkAgainstFactBase(text: string, facts: readonly Fact[]): FactBaseFlag | undefined {
  const words = new Set(foldWords(text).split(" "));
  for (const fact of facts) {
    if (fact.status !== "corrected") continue;
    const markers = claimMarkers(fact);
    if (markers.length === 0 || !markers.some((marker) => words.has(marker))) continue;
    if (sharedAnchors(words, fact) < 2) continue;
    return { factId: fact.id, claim: fact.correction.claim, correction: `${fact.statement.replace(/\s+/g, " ").trim()} ${fact.correction.reason.replace(/\s+/g, " ").trim()}` };
  }
  return undefined;
}
