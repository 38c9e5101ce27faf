import { normalizeKey } from "./normalize";
import { groupRuns, joinsNext, makeSpan, type Term } from "./terms";
import type { Mention } from "./types";

const GENERIC_HEADS = new Set(
  "meeting meetings issue issues way ways part thing things time times year years people area areas country countries lot number numbers point question event events one fact role side end day days week weeks month months".split(
    " ",
  ),
);
const PRONOUNS = /\b(?:i|we|you|he|she|it|they|me|us|him|them|my|our|your|its|their|this|that|these|those|what|which|who)\b/i;

// Words a noun phrase may consist of; determiners, numbers, verbs and prepositions mean the chunk is not a term.
const PHRASE_TAGS = ["Noun", "Adjective"];
const BLOCKING_TAGS = ["Determiner", "Pronoun", "Value", "Verb", "Preposition", "Conjunction", "Adverb", "Date", "QuestionWord", "Negative", "Possessive"];
// Vague modifiers ("other senior officials", "new plan") make a blank nobody could fill from memory.
const VAGUE_WORDS = new Set(
  "other all any some against senior new current key main top several many such same further additional potential certain various different informal following higher lower greater more".split(
    " ",
  ),
);

/** Noun phrases (compromise's noun chunks) as cloze material for key terms the gazetteer does not list. */
export function findPhrases(text: string, terms: readonly Term[]): Mention[] {
  const isPhraseWord = (term: Term) =>
    term.chunk === "Noun" && PHRASE_TAGS.some((tag) => term.tags.has(tag)) && !BLOCKING_TAGS.some((tag) => term.tags.has(tag)) ? true : undefined;
  return groupRuns(terms, isPhraseWord).flatMap(({ terms: phrase }) => {
    const first = phrase[0];
    const head = phrase.at(-1);
    if (!first || !head || phrase.length < 2 || phrase.length > 5 || !head.tags.has("Noun") || GENERIC_HEADS.has(head.normal)) return [];
    if (phrase.some((term) => VAGUE_WORDS.has(term.normal) || term.normal === "nato" || (term !== head && /[,;:()]/.test(term.post)))) return [];
    // A leading gerund is a verb ("lifting all barriers"); a chunk continuing past the head was cut short.
    if (first.tags.has("Gerund") || /ing$/.test(first.normal) || text.charAt(first.start - 1) === "-") return [];
    if (terms[terms.indexOf(head) + 1]?.chunk === "Noun" && joinsNext(head)) return [];
    const span = makeSpan(text, first.start, head.end);
    if (/[\d()[\]"“”‘’.—]/.test(span.text) || PRONOUNS.test(span.text)) return [];
    return [{ ...span, type: "phrase" as const, key: `phrase:${normalizeKey(span.text)}` }];
  });
}
