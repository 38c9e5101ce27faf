import { findDates } from "./dates";
import { findEntities } from "./entities";
import { nlp } from "./nlp";
import { findNumbers } from "./numbers";
import { findPhrases } from "./phrases";
import { readTerms, type Term } from "./terms";
import type { Mention, MentionType, VerbGroup } from "./types";
import { isFiniteVerb, readVerb } from "./verbs";

/** Analysis of one sentence: the spans cards can ask about and the clause shape questions need. */
export type SentenceParse = { text: string; mentions: Mention[]; verb?: VerbGroup };

const PRIORITY: Readonly<Record<MentionType, number>> = {
  date: 10,
  money: 9,
  percentage: 9,
  year: 8,
  count: 7,
  person: 6,
  command: 6,
  programme: 6,
  organization: 5,
  city: 5,
  country: 5,
  region: 5,
  term: 4,
  phrase: 1,
};

/** Keeps the most specific reading where spans overlap (a date beats the number inside it). */
function resolveOverlaps(mentions: readonly Mention[]): Mention[] {
  const ranked = [...mentions].sort((a, b) => PRIORITY[b.type] - PRIORITY[a.type] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const mention of ranked) {
    if (mention.text.length === 0) continue;
    if (kept.some((other) => mention.start < other.end && other.start < mention.end)) continue;
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function readSentence(text: string, terms: Term[], referenceDate: Date): { parse: SentenceParse; terms: Term[] } {
  const mentions = resolveOverlaps([...findDates(text, referenceDate), ...findNumbers(text, terms), ...findEntities(text, terms), ...findPhrases(text, terms)]);
  const verb = readVerb(terms);
  return { parse: verb ? { text, mentions, verb } : { text, mentions }, terms };
}

/**
 * Headlines and bullet points say "Erdogan to meet Zelenskyy" for "Erdogan will meet Zelenskyy".
 * When the only verb is such a to-infinitive after a verbless subject, the future is restored so
 * the sentence can be turned into questions like any other.
 */
function restoreHeadlineFuture({ parse: { text, verb }, terms }: ReturnType<typeof readSentence>): string | undefined {
  if (!verb || verb.finite) return undefined;
  const marker = /\bto\s+$/.exec(text.slice(0, verb.start));
  if (!marker || /,/.test(text.slice(0, marker.index))) return undefined;
  // "Efforts to revise burden-sharing … will be among the top issues" has its finite verb later.
  if (terms.some((term) => term.start >= verb.end && isFiniteVerb(term))) return undefined;
  return `${text.slice(0, marker.index)}will ${text.slice(verb.start)}`;
}

function parseSentence(text: string, terms: Term[], referenceDate: Date): SentenceParse {
  const read = readSentence(text, terms, referenceDate);
  const restored = restoreHeadlineFuture(read);
  const reparsed = restored === undefined ? undefined : readSentence(restored, readTerms(restored, nlp(restored)), referenceDate).parse;
  return reparsed?.verb?.finite ? reparsed : read.parse;
}

/** Parses of sentences already read in one generator run, by reference date and text. */
export type ParseCache = Map<string, SentenceParse>;

/** One compromise pass over all sentences (one per line) costs far less than one per sentence. */
function parseTogether(sentences: readonly string[], referenceDate: Date): SentenceParse[] {
  const joined = sentences.join("\n");
  const terms = readTerms(joined, nlp(joined));
  let offset = 0;
  let next = 0;
  return sentences.map((text) => {
    const start = offset;
    offset += text.length + 1;
    const own: Term[] = [];
    while (next < terms.length && (terms[next] as Term).start < offset) {
      const term = terms[next++] as Term;
      own.push({ ...term, start: term.start - start, end: term.end - start });
    }
    return parseSentence(text, own, referenceDate);
  });
}

/**
 * Parses sentences into typed mentions (entities, numbers, dates, noun phrases) and their first
 * verb groups. Compromise tags each sentence on its own, so a sentence met again (syndicated copy,
 * boilerplate, one article quoting another) reuses its parse from `cache` instead of being re-tagged.
 */
export function parseSentences(sentences: readonly string[], referenceDate: Date, cache: ParseCache = new Map()): SentenceParse[] {
  const keyOf = (text: string) => `${referenceDate.toISOString()}\u241f${text}`;
  const fresh = [...new Set(sentences.filter((text) => !cache.has(keyOf(text))))];
  parseTogether(fresh, referenceDate).forEach((parse, i) => cache.set(keyOf(fresh[i] as string), parse));
  return sentences.map((text) => cache.get(keyOf(text)) as SentenceParse);
}
