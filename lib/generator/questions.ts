import { findOfficeBefore } from "./gazetteer";
import { capitalizeFirst, countWords } from "./normalize";
import type { AnalyzedSentence, Mention } from "./types";

/** Longer questions read as puzzles rather than recall prompts; those facts stay cloze/mcq cards. */
const MAX_QUESTION_WORDS = 28;
const MAX_SUBJECT_WORDS = 8;

type Span = { start: number; end: number };

const WH_BY_TYPE: Partial<Record<Mention["type"], string>> = {
  country: "which country",
  region: "which region",
  organization: "which organization",
  command: "which NATO command",
  programme: "which initiative",
};

// Subjects starting like this are clauses or pronouns, not noun phrases that can be inverted.
const NOT_A_SUBJECT = /^(?:i|we|you|he|she|it|they|this|that|these|those|there|according|on|in|at|by|for|as|while|when|if|despite|before|after|with|during)\b/i;
// Where and when questions invert the clause, which is only right when the place or date belongs to
// the verb ("gather in Antalya"), not to a noun ("serves as rehearsal for the summit in The Hague").
const SITUATED_VERBS = new Set(
  "meet gather hold convene take attend visit sign announce assume join host chair base locate station open begin start end travel arrive participate pledge launch sit talk".split(
    " ",
  ),
);
// A capitalized word after a name usually makes the name a modifier ("the Hague Summit"); weekdays and months do not.
const CALENDAR_WORD =
  /^\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const EVENT_NOUN_NEXT = /^\s+(?:summit|meeting|talks|gathering|session|ministerial)s?\b/i;
// A subject ends where the verb starts, possibly after a parenthetical ("Trump, while travelling…, hinted").
const SUBJECT_TO_VERB = /^\s*(?:,\s*(?!who\b|which\b|whose\b)[^,]+,)?\s*$/i;

/** Replaces a span of text, tidying the spaces and commas the removal leaves behind. */
export function replaceSpan(text: string, span: Span, replacement: string): string {
  return `${text.slice(0, span.start)}${replacement}${text.slice(span.end)}`
    .replace(/\s+([,.;:?!])/g, "$1")
    .replace(/,\s*,/g, ",")
    .replace(/\s{2,}/g, " ")
    .trim();
}

function toQuestion(text: string): string {
  const trimmed = text
    .replace(/[\s,;:.!]+$/, "")
    .replace(/[.!]([”"’])$/, "$1")
    .trim();
  return `${capitalizeFirst(trimmed)}?`;
}

/** Widens a person span over the office title before it ("U.S. Secretary of State Marco Rubio"). */
function withTitle(text: string, mention: Mention): Span & { title?: string } {
  const office = findOfficeBefore(text.slice(0, mention.start));
  return office ? { start: office.start, end: mention.end, title: office.written } : mention;
}

/** One item of an enumeration ("Japan, South Korea, Australia and New Zealand") is not a question on its own. */
function isListItem(sentence: AnalyzedSentence, mention: Mention): boolean {
  return sentence.mentions.some(
    (other) =>
      other !== mention &&
      other.type === mention.type &&
      (/^\s*(?:,|and|or|, and)\s*$/.test(sentence.text.slice(mention.end, other.start)) ||
        /^\s*(?:,|and|or|, and)\s*$/.test(sentence.text.slice(other.end, mention.start))),
  );
}

/** The appositive country after a city ("Antalya, Türkiye") goes with the city when the city is asked for. */
function withAppositive(sentence: AnalyzedSentence, mention: Mention): Span {
  const next = sentence.mentions.find((other) => other.start > mention.end && other.type === "country");
  if (next && /^,\s*$/.test(sentence.text.slice(mention.end, next.start))) {
    const after = /^,/.test(sentence.text.slice(next.end)) ? next.end + 1 : next.end;
    return { start: mention.start, end: after };
  }
  return mention;
}

function prepositionBefore(text: string, start: number): { word: string; start: number } | undefined {
  const match = /\b(in|at|on|by|to|from|since|until|for|of|during)\s+(?:the\s+)?$/i.exec(text.slice(0, start));
  return match?.[1] ? { word: match[1].toLowerCase(), start: match.index } : undefined;
}

function lowerSubject(sentence: AnalyzedSentence, subject: string): string {
  return sentence.verb?.subjectStartsWithName ? subject : subject.charAt(0).toLowerCase() + subject.slice(1);
}

/**
 * Fronts a wh-phrase with subject-auxiliary inversion ("Where will the ministers gather?"),
 * removing the span the wh-phrase stands for. Gives up on clauses it cannot invert safely.
 */
function invertClause(sentence: AnalyzedSentence, remove: Span, wh: string): string | undefined {
  const { text, verb } = sentence;
  if (!verb?.finite || verb.start === 0 || remove.start < verb.end || !SITUATED_VERBS.has(verb.infinitive.toLowerCase())) return undefined;
  const subject = text.slice(0, verb.start).trim();
  if (subject.includes(",") || NOT_A_SUBJECT.test(subject) || countWords(subject) > MAX_SUBJECT_WORDS) return undefined;
  const verbText = text.slice(verb.start, verb.end);
  const rest = replaceSpan(text.slice(verb.end), { start: remove.start - verb.end, end: remove.end - verb.end }, "");
  let head: string;
  if (verb.auxiliary) {
    const [first = ""] = verb.auxiliary.split(" ");
    const remainder = verbText.replace(new RegExp(`\\b${first}\\b\\s*`), "");
    head = `${first} ${lowerSubject(sentence, subject)} ${remainder}`;
  } else if (verb.copula) {
    head = `${verb.root} ${lowerSubject(sentence, subject)} ${verbText.replace(new RegExp(`\\b${verb.root}\\b\\s*`), "")}`;
  } else if (verb.tense === "other") {
    return undefined;
  } else {
    const support = verb.tense === "past" ? "did" : verb.subjectIsPlural ? "do" : "does";
    head = `${support} ${lowerSubject(sentence, subject)} ${[...verb.preAdverbs, verb.infinitive].join(" ")}`;
  }
  return toQuestion(`${wh} ${head} ${rest}`.replace(/\s{2,}/g, " "));
}

/**
 * Replaces the span in place with the wh-phrase ("...spending to what share of GDP?"). Only the
 * subject or the predicate may be asked this way: a wh-phrase inside an opening adverbial
 * ("Despite talks in which city, …") reads as a riddle.
 */
function askInPlace(sentence: AnalyzedSentence, span: Span, wh: string, insideSubject = false): string | undefined {
  const { verb } = sentence;
  if (!verb?.finite) return undefined;
  // A number may head a longer subject ("22 of NATO's 32 members meet…"), a name must be all of it.
  const rest = sentence.text.slice(span.end, verb.start);
  const subject = span.start === 0 && span.end <= verb.start && (insideSubject ? !rest.includes(",") : SUBJECT_TO_VERB.test(rest));
  if (!subject && span.start < verb.start) return undefined;
  return toQuestion(replaceSpan(sentence.text, span, wh));
}

function isSubject(sentence: AnalyzedSentence, span: Span, mention: Mention): boolean {
  const { verb, text } = sentence;
  return span.start === 0 && verb !== undefined && verb.start >= mention.end && SUBJECT_TO_VERB.test(text.slice(mention.end, verb.start));
}

function askAboutPerson(sentence: AnalyzedSentence, mention: Mention): string | undefined {
  const { text } = sentence;
  const span = withTitle(text, mention);
  if (isListItem(sentence, mention)) return undefined;
  if (/^'s\s/.test(text.slice(mention.end)) && span.start === 0) return askInPlace(sentence, { start: 0, end: mention.end + 2 }, "Whose");
  // "Which Deputy Defence Minister was in the delegation?" tells two officials apart where "Who" would not.
  if (isSubject(sentence, span, mention)) return askInPlace(sentence, span, span.title ? `Which ${span.title.replace(/^the\s+/i, "")}` : "Who");
  // "…the informal meeting (NATO iFMM) hosted by Hakan Fidan" → "Who hosted the informal meeting (NATO iFMM) in Antalya?"
  const agent = /\b(?:a|an|the)\s+([^,;]+?)\s+(\w+ed)\s+by\s*$/i.exec(text.slice(0, span.start));
  if (!agent?.[1] || !agent[2]) return undefined;
  const place = sentence.mentions.find((other) => other.type === "city" && other.end <= agent.index);
  return toQuestion(`Who ${agent[2]} the ${agent[1]}${place ? ` in ${place.text}` : ""}`);
}

function askAboutName(sentence: AnalyzedSentence, mention: Mention): string | undefined {
  if (mention.modifiesNoun || isListItem(sentence, mention)) return undefined;
  const named = mention.type === "city" ? withAppositive(sentence, mention) : mention;
  // "within the framework of the North Atlantic Council" → "of which organization", not "of the which".
  const article = /\bthe\s+$/i.exec(sentence.text.slice(0, named.start));
  const span = article && !/^the\b/i.test(mention.text) ? { start: article.index, end: named.end } : named;
  const preposition = prepositionBefore(sentence.text, mention.start);
  const after = sentence.text.slice(span.end);
  const which = WH_BY_TYPE[mention.type] ?? "which city";
  // "the Hague Summit", "Türkiye's role": the name modifies a noun and cannot be replaced on its own.
  if ((/^\s+\p{Lu}/u.test(after) && !CALENDAR_WORD.test(after)) || EVENT_NOUN_NEXT.test(after)) return undefined;
  if (/^'s\s/.test(after)) return span.start === 0 ? askInPlace(sentence, { start: 0, end: span.end + 2 }, `${which}'s`) : undefined;
  if (isSubject(sentence, span, mention)) return askInPlace(sentence, span, which);
  if (preposition && ["in", "at"].includes(preposition.word) && mention.type !== "organization" && mention.type !== "programme") {
    return invertClause(sentence, { start: preposition.start, end: span.end }, "Where") ?? askInPlace(sentence, span, which);
  }
  return preposition ? askInPlace(sentence, span, which) : undefined;
}

function askAboutDate(sentence: AnalyzedSentence, mention: Mention): string | undefined {
  const preposition = prepositionBefore(sentence.text, mention.start);
  if (!preposition || !["on", "in", "by", "since", "until"].includes(preposition.word)) return undefined;
  const remove = { start: preposition.start, end: mention.end };
  const asked = mention.day === undefined ? `${preposition.word} which month` : `${preposition.word} what date`;
  return invertClause(sentence, remove, "When") ?? askInPlace(sentence, remove, asked);
}

function askAboutYear(sentence: AnalyzedSentence, mention: Mention): string | undefined {
  const preposition = prepositionBefore(sentence.text, mention.start);
  if (!preposition || !["in", "by", "since", "until", "from", "of"].includes(preposition.word)) return undefined;
  const wh = `${capitalizeFirst(preposition.word)} which year`;
  return invertClause(sentence, { start: preposition.start, end: mention.end }, wh) ?? askInPlace(sentence, mention, "which year");
}

// Words that quantify a figure go with it when a wh-phrase replaces the figure ("only 22" → "how many").
const QUANTIFIER_BEFORE = /\b(?:(?:only|over|more than|nearly|almost|about|some|around|at least|all|another|the)\s+)+$/i;

function startWithQuantifier(sentence: AnalyzedSentence, mention: Mention): number {
  return QUANTIFIER_BEFORE.exec(sentence.text.slice(0, mention.start))?.index ?? mention.start;
}

function askAboutShare(sentence: AnalyzedSentence, mention: Mention): string | undefined {
  const gdp = /^\s+of\s+(?:(?:their|its|the)\s+)?(?:GDP|gross domestic product)\b/i.exec(sentence.text.slice(mention.end));
  if (!gdp) return undefined;
  return askInPlace(sentence, { start: startWithQuantifier(sentence, mention), end: mention.end + gdp[0].length }, "what share of GDP");
}

function askAboutAmount(sentence: AnalyzedSentence, mention: Mention): string | undefined {
  const start = startWithQuantifier(sentence, mention);
  if (mention.type === "money") return askInPlace(sentence, { start, end: mention.end }, "how much");
  const after = sentence.text.slice(mention.end);
  if (!/^\s+(?:of\s+)?[\p{L}'-]/u.test(after)) return undefined;
  return askInPlace(sentence, { start, end: mention.end }, "how many", true);
}

/** Builds a natural wh-question whose answer is the mention, or undefined when no safe question exists. */
export function buildQuestion(sentence: AnalyzedSentence, mention: Mention): string | undefined {
  const question = (() => {
    switch (mention.type) {
      case "person":
        return askAboutPerson(sentence, mention);
      case "city":
      case "country":
      case "region":
      case "organization":
      case "command":
      case "programme":
        return askAboutName(sentence, mention);
      case "date":
        return askAboutDate(sentence, mention);
      case "year":
        return askAboutYear(sentence, mention);
      case "percentage":
        return askAboutShare(sentence, mention);
      case "count":
      case "money":
        return askAboutAmount(sentence, mention);
      default:
        return undefined;
    }
  })();
  return question && countWords(question) <= MAX_QUESTION_WORDS ? question : undefined;
}
