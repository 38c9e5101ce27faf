import { GAZETTEER } from "./gazetteer";
import { containsTokenRun, normalizeKey, overlapsByTokens, tokenize } from "./normalize";
import { sortByHash } from "@/lib/cards/seeded-order";
import type { AnalyzedSentence, Mention, MentionType } from "./types";

type Candidate = { key: string; text: string; surname?: string };

/** Same-type alternatives per mention type, drawn from the corpus and the gazetteer. */
export type DistractorPool = {
  entities: ReadonlyMap<MentionType, readonly Candidate[]>;
  values: ReadonlyMap<MentionType, readonly number[]>;
  /** Tokens of texts already compared; every card compares the same names and sentences again. */
  tokens: Map<string, string[]>;
};

const NUMERIC_TYPES: ReadonlySet<MentionType> = new Set(["year", "percentage", "count", "money"]);
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Collects candidates once per corpus so every card draws from the same reserve. */
export function buildDistractorPool(sentences: readonly AnalyzedSentence[]): DistractorPool {
  const entities = new Map<MentionType, Map<string, Candidate>>();
  const values = new Map<MentionType, Set<number>>();
  const addEntity = (type: MentionType, candidate: Candidate) => {
    const byKey = entities.get(type) ?? new Map<string, Candidate>();
    if (!byKey.has(candidate.key)) byKey.set(candidate.key, candidate);
    entities.set(type, byKey);
  };
  for (const item of GAZETTEER) {
    addEntity(item.type, { key: `${item.type}:${normalizeKey(item.canonical)}`, text: item.canonical, ...(item.surname ? { surname: item.surname } : {}) });
  }
  for (const mention of sentences.flatMap((sentence) => sentence.mentions)) {
    if (NUMERIC_TYPES.has(mention.type) && mention.value !== undefined) {
      const set = values.get(mention.type) ?? new Set<number>();
      set.add(mention.value);
      values.set(mention.type, set);
    } else if (mention.type !== "date" && mention.type !== "phrase" && !mention.surnameOnly) {
      addEntity(mention.type, {
        key: mention.key,
        text: mention.text,
        ...(mention.type === "person" ? { surname: mention.text.split(" ").at(-1) ?? mention.text } : {}),
      });
    }
  }
  return {
    entities: new Map([...entities].map(([type, byKey]) => [type, [...byKey.values()]])),
    values: new Map([...values].map(([type, set]) => [type, [...set].sort((a, b) => a - b)])),
    tokens: new Map(),
  };
}

function entityOptions(pool: DistractorPool, mention: Mention): Candidate[] {
  return (pool.entities.get(mention.type) ?? []).map((candidate) =>
    mention.surnameOnly && candidate.surname ? { key: candidate.key, text: candidate.surname } : candidate,
  );
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** Plausible wrong values near the answer: corpus figures of the same type plus nearby values. */
function numericOptions(pool: DistractorPool, mention: Mention): Candidate[] {
  const value = mention.value;
  const core = /\d+(?:[.,]\d+)?/.exec(mention.text);
  if (value === undefined || !core) return [];
  const shown = Number(core[0].replace(/,/g, ""));
  const scale = shown === 0 ? 1 : value / shown;
  const nearby: number[] =
    mention.type === "year"
      ? [-4, -3, -2, -1, 1, 2, 3, 4].map((offset) => shown + offset)
      : mention.type === "percentage"
        ? [shown - 1, shown + 1, shown + 0.5, shown * 2, shown + 1.5, shown / 2]
        : [shown * 0.5, shown * 0.75, shown * 1.5, shown * 2, shown + 2, shown - 2].map((n) => (shown >= 10 ? Math.round(n) : n));
  const corpus = (pool.values.get(mention.type) ?? []).map((v) => v / scale).filter((v) => v > shown / 4 && v < shown * 4);
  // A year range ("2014-15") moves as a whole, keeping its length.
  const range = /^(\d{4})-(\d{2})$/.exec(mention.text);
  const span = range ? (Number(range[2]) - Number(range[1]?.slice(2)) + 100) % 100 : 0;
  return [...new Set([...corpus, ...nearby])]
    .filter((n) => n > 0 && n !== shown && (mention.type !== "year" || Number.isInteger(n)))
    .map((n) => {
      const text = range
        ? `${n}-${String((n + span) % 100).padStart(2, "0")}`
        : mention.text.slice(0, core.index) + formatNumber(n) + mention.text.slice(core.index + core[0].length);
      return { key: `${mention.type}:${n * scale}`, text };
    });
}

/** Other months with the same day numbers, keeping only days that exist in the new month. */
function dateOptions(mention: Mention): Candidate[] {
  const month = mention.month;
  if (month === undefined) return [];
  const named = new RegExp(`\\b(${MONTHS.map((name) => `${name.slice(0, 3)}[a-z]*`).join("|")})\\b\\.?`, "i").exec(mention.text);
  if (!named) return [];
  const days = (mention.text.match(/\b\d{1,2}\b/g) ?? []).map(Number);
  return [-2, -1, 1, 2, 3]
    .map((offset) => ((month - 1 + offset + 12) % 12) + 1)
    .filter((other) => days.every((day) => day <= (DAYS_IN_MONTH[other - 1] ?? 28)))
    .map((other) => {
      const name = MONTHS[other - 1] ?? "";
      const abbreviated = !MONTHS.some((full) => full.toLowerCase() === (named[1] ?? "").toLowerCase());
      const shown = abbreviated ? `${name.slice(0, 3)}${named[0].endsWith(".") ? "." : ""}` : name;
      const text = mention.text.slice(0, named.index) + shown + mention.text.slice(named.index + named[0].length);
      return { key: `date:${other}:${text}`, text };
    });
}

/**
 * Picks `count` wrong answers of the mention's type. A candidate is refused when it is the same
 * entity, when either text contains the other ("Rutte" / "Mark Rutte"), or when it already appears
 * in the sentence (swapping it in would make a true statement or an obvious one).
 */
export function pickDistractors(pool: DistractorPool, mention: Mention, sentence: AnalyzedSentence, count = 3): string[] {
  const options =
    mention.type === "date" ? dateOptions(mention) : NUMERIC_TYPES.has(mention.type) ? numericOptions(pool, mention) : entityOptions(pool, mention);
  const tokensOf = (text: string) => {
    let tokens = pool.tokens.get(text);
    if (!tokens) {
      tokens = tokenize(text);
      pool.tokens.set(text, tokens);
    }
    return tokens;
  };
  const overlaps = (a: string, b: string) => overlapsByTokens(tokensOf(a), tokensOf(b));
  const sentenceTokens = tokensOf(sentence.text);
  const chosen: string[] = [];
  for (const option of sortByHash(options, `${mention.key}\u241f${sentence.text}`, (candidate) => candidate.key)) {
    if (chosen.length === count) break;
    if (option.key === mention.key || overlaps(option.text, mention.text)) continue;
    if (containsTokenRun(sentenceTokens, tokensOf(option.text))) continue;
    if (chosen.some((other) => overlaps(other, option.text))) continue;
    chosen.push(option.text);
  }
  return chosen.length === count ? chosen : [];
}
