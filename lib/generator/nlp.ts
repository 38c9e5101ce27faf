import nlp from "compromise";
import { buildLexicon, TAG_BY_TYPE } from "./gazetteer";
import { bulkMatch } from "./sweep";

// Compromise matches lexicon keys against accent-free normalized terms, so the gazetteer must be
// registered before any parsing; otherwise "Hakan Fidan", "Antalya" and "Türkiye" go unrecognized.
nlp.plugin({
  tags: {
    [TAG_BY_TYPE.programme]: { isA: "ProperNoun" },
    [TAG_BY_TYPE.command]: { isA: "Organization" },
    [TAG_BY_TYPE.term]: { isA: "Noun" },
    [TAG_BY_TYPE.region]: { isA: "Place" },
  },
  words: buildLexicon(),
  methods: { one: { bulkMatch } },
});

type SentenceSplitter = (text: string, world: object) => string[];
const splitter = (nlp.methods() as { one: { tokenize: { splitSentences: SentenceSplitter } } }).one.tokenize.splitSentences;
const world = nlp.world();

/**
 * Compromise's sentence boundaries (abbreviations, quotes, brackets, one sentence per line break)
 * without building its term objects, which the parse that follows builds anyway.
 */
export function splitIntoSentences(text: string): string[] {
  return splitter(text, world)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export { nlp };
