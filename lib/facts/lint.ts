import type { AnswerType, Fact } from "./schema";

/**
 * The mechanical part of the card rubric (../shared/docs/card-rubric.md, R1–R5): what a program can see in a
 * card's wording and options. It cannot judge truth or worth; it catches the failures that reviewers found most.
 */
export type LintFinding = { factId: string; rule: "R1" | "R2" | "R3" | "R5" | "text"; message: string };

const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const CONTEXT_FREE: { pattern: RegExp; what: string }[] = [
  {
    pattern: /\b(this|that|these|those) (plan|meeting|summit|talks|event|conference|session|evening|proposal|pledge|target|decision)\b/i,
    what: "a demonstrative with no referent",
  },
  { pattern: /\bthe (talks|meeting|summit|plan|event|session)\b(?!\s+(in|of|at|between|on|held|hosted|that|which|where|with|for))/i, what: "an unnamed event" },
  { pattern: new RegExp(`\\b(on|last|next|this) (${WEEKDAYS})\\b(?!,? \\d)`, "i"), what: "a bare weekday" },
  { pattern: /\b(currently|nowadays|right now|at present|this year|last year|next year|recently)\b/i, what: "a time relative to the article" },
  { pattern: /^(he|she|they|it|his|her|their|its|this|these)\b/i, what: "an opening pronoun" },
  { pattern: /^\s*([-•*–]|\d+[.)])\s/, what: "a bullet or paragraph number" },
  { pattern: /\b(our|we|us|I)\b(?![^"“]*["”])/, what: "a first-person voice with no speaker" },
  {
    pattern: /^\p{Lu}\p{Ll}+ (noted|said|stated|stressed|added|affirmed|warned|told|argued|called|urged|underlined|emphasi[sz]ed)\b/u,
    what: "a bare surname with no role",
  },
];

const MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const FOLDED = new Map<string, string>();
// The picker and the fact-base check fold the same gazetteer names and stems thousands of times per article.
const FOLDED_CACHE_LIMIT = 50_000;

/** Lower-case words without accents or punctuation, so "Türkiye's" and "turkiyes" compare equal. */
export function foldWords(text: string): string {
  const cached = FOLDED.get(text);
  if (cached !== undefined) return cached;
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}%.]+/gu, " ")
    .replace(/\.(?!\d)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (FOLDED.size >= FOLDED_CACHE_LIMIT) FOLDED.clear();
  FOLDED.set(text, folded);
  return folded;
}

/** Whether the haystack holds the needle word for word, after folding both. */
export const containsWords = (haystack: string, needle: string) => {
  const folded = foldWords(needle);
  return folded.length > 0 && ` ${foldWords(haystack)} `.includes(` ${folded} `);
};

/** Whether an option is written as an answer of this type is ("2035" for a year, "Mark Rutte" for a person). */
export function optionFitsType(option: string, type: AnswerType): boolean {
  switch (type) {
    case "year":
      return /^\d{4}$/.test(option.trim());
    case "percent":
      return /^(up to |at least |about )?\d+(\.\d+)?%$/.test(option.trim());
    case "money":
      return /[€$£]|\b(euros?|dollars?|billion|million)\b/i.test(option) && /\d/.test(option);
    case "number":
      return /\d/.test(option) || /^(one|two|three|four|five|six|seven|eight|nine|ten|twelve|a thousand|a million|a billion)\b/i.test(option.trim());
    case "date":
      return MONTHS.test(option) || /\d{4}-\d{2}/.test(option);
    case "person":
      return /^\p{Lu}[\p{L}'’.-]*(\s+(\p{Lu}[\p{L}'’.-]*|de|van|von|der|bin|al))+$/u.test(option.trim());
    default:
      return option.trim().length > 0 && !/^\d+(\.\d+)?%?$/.test(option.trim());
  }
}

/** Whether the question names the event and its date or place (or, for timeless facts, its subject). */
export function namesItsContext(fact: Fact): boolean {
  const stem = fact.question;
  const year = fact.context.date?.slice(0, 4);
  if (year && stem.includes(year)) return true;
  const place = fact.context.place?.split(",")[0]?.trim();
  if (place && containsWords(stem, place.replace(/^The /, ""))) return true;
  // Timeless facts (a treaty article, an institution) name their subject instead of a date.
  const named = fact.context.event.match(/\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)*/gu) ?? [];
  // "NATO" alone names no event: every stem has it.
  return named.some((name) => name.length > 3 && name !== "NATO" && containsWords(stem, name));
}

function answersOf(fact: Fact): string[] {
  return [fact.answer.text, ...fact.answer.accept];
}

function lintWording(fact: Fact, report: (rule: LintFinding["rule"], message: string) => void) {
  const texts: [string, string][] = [
    ["question", fact.question],
    ["statement", fact.statement],
    ...(fact.falseStatement ? ([["falseStatement", fact.falseStatement]] as [string, string][]) : []),
    ...(fact.cloze ? ([["cloze", fact.cloze]] as [string, string][]) : []),
  ];
  for (const [field, value] of texts) {
    for (const { pattern, what } of CONTEXT_FREE) {
      const match = pattern.exec(value);
      if (match) report("R1", `${field} has ${what}: "${match[0].trim()}".`);
    }
    const repeated = /\b(\p{L}+)\s+\1\b/iu.exec(value);
    if (repeated) report("text", `${field} repeats a word: "${repeated[0]}".`);
    if (/\s[,.;:?]|\s{2,}|\(\s|\s\)/.test(value)) report("text", `${field} has stray spacing around punctuation.`);
    if ((value.match(/\(/g) ?? []).length !== (value.match(/\)/g) ?? []).length) report("text", `${field} has unbalanced brackets.`);
    if (field !== "cloze" && /\{\{|\}\}/.test(value)) report("text", `${field} has leftover {{ }} markup.`);
  }
  if (!namesItsContext(fact)) report("R1", "question does not name its event, date or place.");
}

function lintAnswer(fact: Fact, report: (rule: LintFinding["rule"], message: string) => void) {
  for (const answer of answersOf(fact)) {
    if (containsWords(fact.question, answer)) report("R2", `question gives away the answer "${answer}".`);
  }
  if (fact.cloze && /\b(more than|over|nearly|almost|about|around)\s*\{\{/i.test(fact.cloze))
    report("R2", 'cloze blanks a bound ("more than ___"), which many numbers satisfy.');
  if (fact.cloze) {
    const outside = fact.cloze.replace(/\{\{[^{}]+\}\}/, " ");
    if (containsWords(outside, fact.answer.text)) report("R2", "cloze shows its answer outside the blank.");
  }
}

function lintOptions(fact: Fact, sameQuestionAnswers: readonly string[], report: (rule: LintFinding["rule"], message: string) => void) {
  if (fact.distractors.length === 0) return;
  const options = [fact.answer.text, ...fact.distractors];
  const folded = options.map(foldWords);
  if (new Set(folded).size !== folded.length) report("R5", "two options are the same.");
  for (const option of options) if (!optionFitsType(option, fact.answer.type)) report("R5", `option "${option}" is not a ${fact.answer.type} like the answer.`);
  const accepted = new Set(answersOf(fact).map(foldWords));
  for (const distractor of fact.distractors) {
    if (accepted.has(foldWords(distractor))) report("R5", `distractor "${distractor}" is an accepted answer.`);
    if (sameQuestionAnswers.some((answer) => foldWords(answer) === foldWords(distractor)))
      report("R5", `distractor "${distractor}" is the answer of another fact about ${fact.context.event}.`);
    if (containsWords(fact.question, distractor)) report("R5", `distractor "${distractor}" appears in the question.`);
  }
}

function lintTrueFalse(fact: Fact, report: (rule: LintFinding["rule"], message: string) => void) {
  if (!fact.falseStatement) return;
  const original = new Set(foldWords(fact.statement).split(" "));
  const changed = foldWords(fact.falseStatement)
    .split(" ")
    .filter((word) => !original.has(word));
  if (changed.length === 0) report("R5", "falseStatement does not change the statement in substance.");
}

function lintCorrection(fact: Fact, report: (rule: LintFinding["rule"], message: string) => void) {
  if (fact.status !== "corrected") return;
  // The card must teach the record, so the wrong claim's value may not be the answer.
  if (answersOf(fact).some((answer) => foldWords(fact.correction.claim) === foldWords(answer)))
    report("R3", "the answer is the claim that the correction refutes.");
}

/** Lints every fact; facts about one event share answers, so options true for a sibling question are caught. */
export function lintFacts(facts: readonly Fact[]): LintFinding[] {
  const findings: LintFinding[] = [];
  const answersByEventAndType = new Map<string, { factId: string; answers: string[] }[]>();
  for (const fact of facts) {
    const key = `${fact.context.event}\u241f${fact.answer.type}`;
    answersByEventAndType.set(key, [...(answersByEventAndType.get(key) ?? []), { factId: fact.id, answers: answersOf(fact) }]);
  }
  for (const fact of facts) {
    const report = (rule: LintFinding["rule"], message: string) => findings.push({ factId: fact.id, rule, message });
    const siblings = (answersByEventAndType.get(`${fact.context.event}\u241f${fact.answer.type}`) ?? []).filter((entry) => entry.factId !== fact.id);
    lintWording(fact, report);
    lintAnswer(fact, report);
    lintOptions(
      fact,
      siblings.flatMap((entry) => entry.answers),
      report,
    );
    lintTrueFalse(fact, report);
    lintCorrection(fact, report);
  }
  return findings;
}
