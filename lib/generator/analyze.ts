import { cleanDocument, type DroppedLine } from "./clean";
import { parseSentences, type ParseCache, type SentenceParse } from "./extract";
import { capitalizeFirst } from "./normalize";
import type { AnalyzedSentence, SourceDocumentInput } from "./types";

// Fixed fallback so relative dates never depend on the clock; years read from it are marked uncertain anyway.
const FALLBACK_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

/** Noon UTC of the document date, so chrono's day arithmetic cannot cross midnight in any time zone. */
export function readReferenceDate(date: string | undefined): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? "");
  if (!match) return FALLBACK_REFERENCE;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}

// Spoken sentences open with discourse markers ("And", "So", "But") that add nothing to a card.
const DISCOURSE_OPENER = /^(?:(?:and|so|but|well|also|now|again|then|obviously|clearly|basically|particularly|notably|still)\b,?\s+)+/i;

/** The statement a card shows: the sentence without leading discourse markers. */
function tidyStatement(sentence: string): string {
  const tidied = sentence.replace(DISCOURSE_OPENER, "");
  return tidied.length > 0 ? capitalizeFirst(tidied) : sentence;
}

export type AnalyzedDocument = { name: string; sentences: AnalyzedSentence[]; dropped: DroppedLine[] };

/** Cleans a document and parses every kept sentence; `cache` carries parses over from earlier documents. */
export function analyzeDocument(doc: SourceDocumentInput, cache?: ParseCache): AnalyzedDocument {
  const referenceDate = readReferenceDate(doc.meta?.date);
  const { sentences, dropped } = cleanDocument(doc.text);
  const parses = parseSentences(
    sentences.map(({ text }) => tidyStatement(text)),
    referenceDate,
    cache,
  );
  return {
    name: doc.name,
    dropped,
    sentences: sentences.map(({ text: original, speaker }, i) => ({
      document: doc.name,
      original,
      ...(speaker ? { speaker } : {}),
      ...(parses[i] as SentenceParse),
    })),
  };
}
