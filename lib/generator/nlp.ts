import nlp from "compromise";
import { buildLexicon, TAG_BY_TYPE } from "./gazetteer";

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
});

export { nlp };
