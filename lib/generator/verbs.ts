import { nlp } from "./nlp";
import { joinsNext, type Term } from "./terms";
import type { VerbGroup } from "./types";

type VerbTransform = { toInfinitive: (word: string, model: unknown, tense: string) => string };

// compromise's world exposes its conjugator; calling it directly avoids re-parsing the verb.
const world = (nlp as unknown as { world: () => { model: unknown; methods: { two: { transform: { verb: VerbTransform } } } } }).world();

const AUXILIARY_TAGS = ["Auxiliary", "Modal"];
const NAME_TAGS = ["ProperNoun", "Acronym", "Person", "Place", "Organization"];

function tenseOf(main: Term): VerbGroup["tense"] {
  if (main.tags.has("Gerund")) return "other";
  return main.tags.has("PastTense") ? "past" : main.tags.has("PresentTense") ? "present" : "other";
}

export function isFiniteVerb(term: Term): boolean {
  return term.tags.has("Verb") && !term.tags.has("Gerund") && ["PastTense", "PresentTense", "Modal", "Auxiliary", "Copula"].some((tag) => term.tags.has(tag));
}

/**
 * The first verb chunk (auxiliaries, adverbs, main verb) from compromise's chunk tags, with what
 * question inversion needs to know about the subject before it.
 */
export function readVerb(terms: readonly Term[]): VerbGroup | undefined {
  const first = terms.findIndex((term) => term.chunk === "Verb" && term.tags.has("Verb"));
  if (first < 0) return undefined;
  let last = first;
  while (terms[last + 1]?.chunk === "Verb" && joinsNext(terms[last] as Term)) last++;
  const group = terms.slice(first, last + 1);
  const verbs = group.filter((term) => term.tags.has("Verb"));
  const main = verbs.filter((term) => !AUXILIARY_TAGS.some((tag) => term.tags.has(tag))).at(-1) ?? verbs.at(-1);
  const head = terms[first];
  const end = group.at(-1);
  if (!main || !head || !end) return undefined;
  const auxiliaries = verbs.filter((term) => term !== main);
  const tense = tenseOf(main);
  const inflected = tense === "past" ? "PastTense" : "PresentTense";
  return {
    start: head.start,
    end: end.end,
    auxiliary: auxiliaries.map((term) => term.text).join(" "),
    root: main.text,
    infinitive: tense === "other" ? main.normal : world.methods.two.transform.verb.toInfinitive(main.normal, world.model, inflected),
    preAdverbs: group.filter((term) => term.start < main.start && term.tags.has("Adverb")).map((term) => term.text),
    tense,
    copula: main.tags.has("Copula"),
    // "Summit to be held in…": a to-infinitive is not the clause's finite verb.
    finite: terms[first - 1]?.normal !== "to" && (auxiliaries.length > 0 || tense !== "other"),
    subjectIsPlural: terms[first - 1]?.tags.has("Plural") === true,
    subjectStartsWithName: NAME_TAGS.some((tag) => terms[0]?.tags.has(tag)),
  };
}
