import { containsWords, foldWords } from "@/lib/facts/lint";
import type { Fact } from "@/lib/facts/schema";
import type { AnalyzedSentence } from "./types";

/** Why a candidate is flagged: the article repeats a claim the fact base corrects, with the record in words. */
export type FactBaseFlag = { factId: string; claim: string; correction: string };

// Words that name a source or a way of saying, not the fact: they never anchor a match.
const GENERIC = new Set(
  (
    "the a an of in on at to for by and or with as is was were be been has had have that this which who what when where how " +
    "nato allies ally alliance says said say calls called call places placed states stated claims claim entry encyclopedia article report " +
    "preview newslooks aletihad küre kure anadolu agency source sources according its their his her it they he she not only also than " +
    "more most first year years under from into during after before about between up"
  ).split(" "),
);

const wordsOf = (text: string) =>
  foldWords(text)
    .split(" ")
    .filter((word) => word.length > 1 && !GENERIC.has(word));

const ANCHORS = new WeakMap<Fact, Set<string>>();

/** Proper names and figures of the fact's stem and statement, minus its answer: what a sentence about it shares. */
function anchorsOf(fact: Fact): Set<string> {
  const cached = ANCHORS.get(fact);
  if (cached) return cached;
  const anchors = findAnchors(fact);
  ANCHORS.set(fact, anchors);
  return anchors;
}

function findAnchors(fact: Fact): Set<string> {
  const answer = new Set(wordsOf([fact.answer.text, ...fact.answer.accept].join(" ")));
  const named = `${fact.question} ${fact.statement}`.match(/\p{Lu}[\p{L}'’-]+|\d+(?:[.,]\d+)?%?/gu) ?? [];
  // The event's own words ("summit", "Hague") anchor too: they say which meeting a sentence is about.
  return new Set([...named.flatMap(wordsOf), ...wordsOf(fact.context.event)].filter((word) => !answer.has(word)));
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
// Names nearly every NATO article carries: they cannot tell one event from another.
const COMMON_NAMES = new Set(["NATO", "Russia", "Ukraine", "Europe", "European Union", "United States", "Allies", "Alliance", "Secretary General"]);

/** Whether the article's frame names one of the places the fact happened at. */
function frameNamesVenue(fact: Fact, frameText: string): boolean {
  const frame = foldWords(frameText);
  return (fact.context.place ?? "").split(",").some((part) => {
    const place = foldWords(part.replace(/^\s*The /, ""));
    return place.length > 2 && frame.includes(place);
  });
}

/** Whether the sentence, or the article's own frame, is about the fact's event: its place or named event. */
function sharesContext(sentenceWords: ReadonlySet<string>, frameWords: ReadonlySet<string>, fact: Fact): boolean {
  const names = [fact.context.place?.split(",")[0] ?? "", ...(fact.context.event.match(/\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu) ?? [])]
    .map((name) => name.replace(/^The /, ""))
    .filter((name) => name.length > 3 && !COMMON_NAMES.has(name));
  return names.some((name) => hasWords(sentenceWords, name) || hasWords(frameWords, name));
}

/** A sentence folded once and padded, so a phrase is found word for word with one `includes`. */
export const foldSentence = (text: string) => ` ${foldWords(text)} `;

/**
 * A test for a fact's `mentions` on folded sentences: one entry holds when every " + " part has one of its "|"
 * choices, word for word. Compiled once per fact, since long articles test thousands of sentences.
 */
export function compileMentions(mentions: readonly string[]): (foldedSentence: string) => boolean {
  const entries = mentions.map((entry) => entry.split("+").map((part) => part.split("|").map((choice) => ` ${foldWords(choice.trim())} `)));
  return (folded) => entries.some((parts) => parts.every((choices) => choices.some((choice) => folded.includes(choice))));
}

/**
 * Facts of the base that an article restates: a sentence holds the fact's answer, enough of its names and
 * figures (three for a bare number, which matches too easily), and its event (in the sentence or the article's
 * frame); or, for a background fact, one of its `mentions` ("Article 5" for the collective-defence clause). One
 * match per fact, at its first sentence.
 */
export function findFactBaseMatches(
  sentences: readonly AnalyzedSentence[],
  facts: readonly Fact[],
  frame: { text: string; date?: string } = { text: "" },
): { fact: Fact; position: number }[] {
  const wordSets = sentences.map((sentence) => new Set(foldWords(sentence.text).split(" ")));
  const folded = sentences.map((sentence) => foldSentence(sentence.text));
  const frameWords = new Set(foldWords(frame.text).split(" "));
  const matches: { fact: Fact; position: number }[] = [];
  for (const fact of facts) {
    // A dated fact about another month's meeting in the same city is another event, unless the article names it.
    const factMonth = fact.context.date?.slice(0, 7);
    const frameMonth = frame.date?.slice(0, 7);
    const otherMeeting =
      factMonth && factMonth.length === 7 && frameMonth && frameMonth.length === 7 && factMonth !== frameMonth && frameNamesVenue(fact, frame.text);
    const needed = NUMERIC.has(fact.answer.type) ? 4 : 3;
    const mentioned = fact.mentions ? compileMentions(fact.mentions) : () => false;
    const position = wordSets.findIndex(
      (words, index) =>
        mentioned(folded[index]!) ||
        // The answer may be the article's own subject ("Vilnius" for a Vilnius communiqué), named by its frame.
        (!otherMeeting &&
          [fact.answer.text, ...fact.answer.accept].some((answer) => hasWords(words, answer) || hasWords(frameWords, answer)) &&
          sharedAnchors(words, fact) >= needed &&
          sharesContext(words, frameWords, fact)),
    );
    if (position >= 0) matches.push({ fact, position });
  }
  return matches.sort((a, b) => a.position - b.position);
}

/** Every entry of the signature occurs ("a|b": either), and none marked "!" does. */
function matchesSignature(text: string, signature: readonly string[]): boolean {
  return signature.every((entry) =>
    entry.startsWith("!") ? !containsWords(text, entry.slice(1)) : entry.split("|").some((alternative) => containsWords(text, alternative)),
  );
}

/**
 * Whether a sentence repeats a claim the fact base corrects, by the words each correction lists as its
 * signature in seeds/facts ("Hague" with "July", not "2024"; "Senator" with "Rubio"). The most specific
 * matching signature wins. Returns the correction in words.
 */
export function checkAgainstFactBase(text: string, facts: readonly Fact[]): FactBaseFlag | undefined {
  let best: { fact: Fact & { status: "corrected" }; size: number } | undefined;
  for (const fact of facts) {
    if (fact.status !== "corrected" || !fact.correction.signature) continue;
    if (!matchesSignature(text, fact.correction.signature)) continue;
    if (!best || fact.correction.signature.length > best.size) best = { fact, size: fact.correction.signature.length };
  }
  if (!best) return undefined;
  const { fact } = best;
  return {
    factId: fact.id,
    claim: fact.correction.claim,
    correction: `${fact.statement.replace(/\s+/g, " ").trim()} ${fact.correction.reason.replace(/\s+/g, " ").trim()}`,
  };
}
