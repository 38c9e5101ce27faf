import { analyzeDocument } from "./analyze";
import { detectConflicts, findClaims, findConflictFlags } from "./conflicts";
import { buildDistractorPool } from "./distractors";
import type { ParseCache } from "./extract";
import { generateCandidates } from "./make-cards";
import { createDuplicateFilter, findCardProblem, findSentenceProblem } from "./quality";
import type { GeneratedCard, GenerateOptions, GenerateResult, RejectedCard, SourceDocumentInput } from "./types";

/** Enough for a dense sentence's key facts without flooding a deck from one line. */
export const DEFAULT_MAX_CARDS_PER_SENTENCE = 4;
/** A speaker quoted in every line of a transcript would otherwise be the answer to half its cards. */
const MAX_CARDS_PER_ANSWER_PER_DOCUMENT = 4;

/**
 * Turns source documents into flashcards. Pure and deterministic: the same documents in the same
 * order always give the same cards, ids, conflicts and rejections, in the same order.
 */
export function generateCards(docs: SourceDocumentInput[], options: GenerateOptions = {}): GenerateResult {
  const maxPerSentence = options.maxCardsPerSentence ?? DEFAULT_MAX_CARDS_PER_SENTENCE;
  const parses: ParseCache = new Map();
  const sentences = docs.flatMap((doc) => analyzeDocument(doc, parses).sentences);
  const pool = buildDistractorPool(sentences);
  const { conflicts, claims: disputed } = detectConflicts(sentences.flatMap(findClaims));
  const duplicates = createDuplicateFilter();
  const answerCounts = new Map<string, number>();
  const cards: GeneratedCard[] = [];
  const rejected: RejectedCard[] = [];

  for (const sentence of sentences) {
    const sentenceProblem = findSentenceProblem(sentence);
    let taken = 0;
    for (const candidate of generateCandidates(sentence, pool)) {
      if (taken >= maxPerSentence) break;
      if (sentenceProblem) {
        // The cards this sentence would have given are reported once each, with the sentence's fault.
        rejected.push({ reason: sentenceProblem, prompt: candidate.card.prompt });
        taken++;
        continue;
      }
      const { card, mention } = candidate;
      const answerKey = `${sentence.document}\u241f${mention.key}`;
      // Like the per-sentence cap, this is selection, not a quality verdict: the candidate is skipped silently.
      if ((answerCounts.get(answerKey) ?? 0) >= MAX_CARDS_PER_ANSWER_PER_DOCUMENT) continue;
      const problem = findCardProblem(candidate) ?? (duplicates.isDuplicate(candidate) ? "near-duplicate" : undefined);
      if (problem) {
        rejected.push({ reason: problem, prompt: card.prompt });
        continue;
      }
      duplicates.remember(candidate);
      answerCounts.set(answerKey, (answerCounts.get(answerKey) ?? 0) + 1);
      const flags = findConflictFlags(card, sentence, disputed);
      cards.push(flags.length > 0 ? { ...card, flags } : card);
      taken++;
    }
  }
  return { cards, conflicts, rejected };
}
