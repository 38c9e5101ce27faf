import { lookupEntry, TAG_BY_TYPE, type EntityType } from "./gazetteer";
import { normalizeKey } from "./normalize";
import { groupRuns, joinsNext, makeSpan, type Term } from "./terms";
import type { Mention } from "./types";

// Entity tags in the order they win when compromise stacks several on one term.
const ENTITY_TAGS: readonly [string, EntityType][] = (["person", "city", "country", "region", "command", "programme", "organization", "term"] as const).map(
  (type) => [TAG_BY_TYPE[type], type],
);

// Compromise tags titles ("Minister", "President") as people; they belong to the office, not the name.
const TITLE_WORDS = new Set(
  "minister president secretary general senator chancellor ambassador mr mrs ms dr prime foreign deputy aide envoy spokesperson representative chief".split(
    " ",
  ),
);

function entityTypeOf(term: Term): EntityType | undefined {
  if (term.tags.has("Person") && TITLE_WORDS.has(term.normal)) return undefined;
  const tagged = ENTITY_TAGS.find(([tag]) => term.tags.has(tag))?.[1];
  if (tagged) return tagged;
  // compromise's later tagging passes can override a lexicon tag ("Türkiye hosts" read as a noun
  // compound), so a capitalized word that is itself a gazetteer name still counts.
  return /^\p{Lu}/u.test(term.text) ? lookupEntry(term.text)?.type : undefined;
}

const MAX_EXTENSION = 3;

/**
 * Resolves a run of entity-tagged terms to the longest gazetteer alias it overlaps. The run may be
 * widened over neighbouring capitalized words because compromise's own tagger sometimes overrides the
 * lexicon for a first name ("Secretary of State Marco Rubio" tags "Marco" as a place).
 */
function resolveEntity(text: string, kind: EntityType, terms: readonly Term[], from: number, to: number): Mention | undefined {
  const isName = (term: Term | undefined) => term !== undefined && /^\p{Lu}/u.test(term.text);
  let left = from;
  while (left > 0 && from - left < MAX_EXTENSION && isName(terms[left - 1]) && joinsNext(terms[left - 1] as Term)) left--;
  let right = to;
  while (right < terms.length - 1 && right - to < MAX_EXTENSION && isName(terms[right + 1]) && joinsNext(terms[right] as Term)) right++;
  let best: Mention | undefined;
  for (let i = left; i <= from; i++) {
    for (let j = right; j >= Math.max(i, to); j--) {
      const found = resolveSpan(text, terms, i, j);
      if (found && (!best || found.text.length > best.text.length)) best = found;
    }
  }
  if (best) return best;
  for (let length = to - from + 1; length >= 1; length--) {
    for (let i = from; i + length - 1 <= to; i++) {
      const found = resolveSpan(text, terms, i, i + length - 1);
      if (found) return found;
    }
  }
  return resolveUnknownPerson(text, kind, terms.slice(from, to + 1));
}

function resolveSpan(text: string, terms: readonly Term[], from: number, to: number): Mention | undefined {
  const first = terms[from];
  const last = terms[to];
  if (!first || !last) return undefined;
  const whole = makeSpan(text, first.start, last.end);
  const found = lookupEntry(whole.text);
  if (!found) return undefined;
  // "The Antalya talks": the article belongs to the noun phrase, not to the name.
  const article = /^the\s+/i.exec(whole.text);
  const span =
    article && !/^the\b/i.test(found.canonical) ? { text: whole.text.slice(article[0].length), start: whole.start + article[0].length, end: whole.end } : whole;
  const key = `${found.type}:${normalizeKey(found.canonical)}`;
  if (found.type !== "person") return { ...span, type: found.type, key, label: found.canonical };
  const surnameOnly = found.surname !== undefined && normalizeKey(span.text) === normalizeKey(found.surname);
  return { ...span, type: found.type, key, label: found.canonical, surnameOnly };
}

/** Names outside the gazetteer still count as people when compromise sees a capitalized first and last name. */
function resolveUnknownPerson(text: string, kind: EntityType, run: readonly Term[]): Mention | undefined {
  const first = run[0];
  const last = run.at(-1);
  if (kind !== "person" || run.length < 2 || !first || !last || !run.every((term) => /^\p{Lu}/u.test(term.text))) return undefined;
  const span = makeSpan(text, first.start, last.end);
  return { ...span, type: "person", key: `person:${normalizeKey(span.text)}`, surnameOnly: false };
}

/** Gazetteer people, places, bodies, programmes and key terms as compromise tagged them. */
export function findEntities(text: string, terms: readonly Term[]): Mention[] {
  return groupRuns(terms, entityTypeOf).flatMap(({ kind, terms: run }) => {
    const from = terms.indexOf(run[0] as Term);
    const found = resolveEntity(text, kind, terms, from, from + run.length - 1);
    // Half of a compound ("Ukraine-Russia talks") is not a name that can be asked about or swapped.
    if (!found || text.charAt(found.start - 1) === "-" || text.charAt(found.end) === "-") return [];
    const last = terms.findLast((term) => term.end <= found.end);
    const next = terms.find((term) => term.start >= found.end);
    const modifiesNoun =
      last !== undefined && next !== undefined && joinsNext(last) && !last.tags.has("Possessive") && next.tags.has("Noun") && !next.tags.has("Pronoun");
    return [modifiesNoun ? { ...found, modifiesNoun } : found];
  });
}
