import { findOfficeBefore } from "./gazetteer";
import { containsTokenRun, normalizeKey, tokenize } from "./normalize";
import { computeStableId } from "./stable-id";
import type { AnalyzedSentence, GeneratedCard, SourceConflict } from "./types";

/** One source's statement about a disputable attribute (a person's office, an event's month). */
export type Claim = {
  topic: string;
  /** How the topic reads in a description ("Marco Rubio's office"). */
  subject: string;
  value: string;
  /** Values compare on this; equal keys agree. */
  valueKey: string;
  document: string;
  sentence: AnalyzedSentence;
  /** Text in a card that shows it relies on this claim (the date or the title as written). */
  evidence: string;
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// "peak" is how the machine translation in one source renders "summit".
const EVENT_NOUNS: readonly [RegExp, string][] = [
  [/^(?:summit|peak)$/i, "summit"],
  [/^(?:meeting|ministerial|gathering)$/i, "meeting"],
];

type Word = { text: string; start: number; end: number };

function splitWords(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}'’-]+/gu)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

function eventKindOf(word: Word | undefined): string | undefined {
  return word ? EVENT_NOUNS.find(([pattern]) => pattern.test(word.text))?.[1] : undefined;
}

/** People's offices as each source states them ("U.S. Senator Marco Rubio" → Senator). */
function findOfficeClaims(sentence: AnalyzedSentence): Claim[] {
  return sentence.mentions
    .filter((mention) => mention.type === "person")
    .flatMap((mention) => {
      const office = findOfficeBefore(sentence.text.slice(0, mention.start));
      if (!office) return [];
      const name = mention.label ?? mention.text;
      return [
        {
          topic: `office:${mention.key}`,
          subject: `${name}'s office`,
          value: office.office,
          valueKey: office.office,
          document: sentence.document,
          sentence,
          evidence: office.written,
        },
      ];
    });
}

function wordIndexAt(words: readonly Word[], offset: number): number {
  return words.findIndex((word) => word.end > offset);
}

type WordSpan = { first: number; last: number };

function wordSpanOf(words: readonly Word[], mention: { start: number; end: number }): WordSpan {
  return { first: wordIndexAt(words, mention.start), last: wordIndexAt(words, mention.end - 1) };
}

/** The kind of event a date places at a city, or undefined when the words do not tie the three together. */
function findEventKind(words: readonly Word[], city: WordSpan, date: WordSpan): string | undefined {
  const eventAfterCity = eventKindOf(words[city.last + 1]);
  // "the July Hague Summit"
  if (city.first > date.last) return city.first - date.last <= 2 ? eventAfterCity : undefined;
  const gap = date.first - city.last;
  // "a summit planned in The Hague on June 24-25", "in Antalya on May 14-15 for an informal meeting"
  if (gap <= 3) {
    const before = words
      .slice(Math.max(0, city.first - 7), city.first)
      .map(eventKindOf)
      .findLast(Boolean);
    const after = words
      .slice(date.last + 1, date.last + 5)
      .map(eventKindOf)
      .find(Boolean);
    return before ?? eventAfterCity ?? after;
  }
  // "Hague Summit planned for July 2025", with no second event between them
  const eventsBetween = words.slice(city.last + 1, date.first).filter((word) => eventKindOf(word)).length;
  return gap <= 6 && eventsBetween === 1 ? eventAfterCity : undefined;
}

/**
 * Months of events at a named city, read from tight patterns only: "summit in The Hague on June 25",
 * "the July Hague Summit", "Hague Summit planned for July 2025", "in Antalya on May 14-15 for a meeting".
 */
function findEventClaims(sentence: AnalyzedSentence): Claim[] {
  const words = splitWords(sentence.text);
  const cities = sentence.mentions.filter((mention) => mention.type === "city");
  const dates = sentence.mentions.filter((mention) => mention.type === "date" && mention.month !== undefined);
  const claims: Claim[] = [];
  for (const date of dates) {
    const dateSpan = wordSpanOf(words, date);
    // "the June summit": the date belongs to the event right after it, which names no city.
    if (eventKindOf(words[dateSpan.last + 1])) continue;
    for (const city of cities) {
      const kind = findEventKind(words, wordSpanOf(words, city), dateSpan);
      if (!kind || date.month === undefined) continue;
      const month = MONTHS[date.month - 1] ?? String(date.month);
      const cityName = city.label ?? city.text;
      claims.push({
        topic: `event:${city.key}:${kind}`,
        subject: `the month of the ${kind} in ${cityName}`,
        value: month,
        valueKey: String(date.month),
        document: sentence.document,
        sentence,
        evidence: date.text,
      });
    }
  }
  return claims;
}

/** All disputable claims a sentence makes. */
export function findClaims(sentence: AnalyzedSentence): Claim[] {
  return [...findOfficeClaims(sentence), ...findEventClaims(sentence)];
}

/** Offices are compatible when one names the other ("Minister" and "Foreign Minister"). */
function agree(a: Claim, b: Claim): boolean {
  if (a.valueKey === b.valueKey) return true;
  if (!a.topic.startsWith("office:")) return false;
  const ta = tokenize(a.valueKey);
  const tb = tokenize(b.valueKey);
  return containsTokenRun(ta, tb) || containsTokenRun(tb, ta);
}

export type ConflictReport = { conflicts: SourceConflict[]; claims: Map<string, Claim[]> };

/** Groups claims by topic and reports topics where two different documents disagree. */
export function detectConflicts(claims: readonly Claim[]): ConflictReport {
  const byTopic = new Map<string, Claim[]>();
  for (const claim of claims) {
    const group = byTopic.get(claim.topic);
    if (group) group.push(claim);
    else byTopic.set(claim.topic, [claim]);
  }
  const conflicts: SourceConflict[] = [];
  const disputed = new Map<string, Claim[]>();
  for (const [topic, group] of byTopic) {
    const clash = group.some((a) => group.some((b) => a.document !== b.document && !agree(a, b)));
    if (!clash) continue;
    const id = computeStableId("conflict", [topic]);
    const values = new Map<string, Set<string>>();
    for (const claim of group) values.set(claim.value, (values.get(claim.value) ?? new Set()).add(claim.document));
    const sides = [...values].map(([value, docs]) => `${value} (${[...docs].join("; ")})`);
    const subject = group[0]?.subject ?? topic;
    conflicts.push({
      id,
      topic: subject,
      description: `Sources disagree on ${subject}: ${sides.join(" vs ")}.`,
      sources: [...new Set(group.map((claim) => claim.document))],
    });
    disputed.set(id, group);
  }
  return { conflicts, claims: disputed };
}

/** Conflict ids a card depends on: its sentence makes a disputed claim and the card shows that claim. */
export function findConflictFlags(card: GeneratedCard, sentence: AnalyzedSentence, disputed: ReadonlyMap<string, Claim[]>): string[] {
  const shown = normalizeKey(`${card.prompt} ${card.answer} ${card.choices?.join(" ") ?? ""}`);
  const flags: string[] = [];
  for (const [id, group] of disputed) {
    if (group.some((claim) => claim.sentence === sentence && shown.includes(normalizeKey(claim.evidence)))) flags.push(`conflict:${id}`);
  }
  return flags;
}
