import { isCruftText } from "./clean";
import type { CandidateCard } from "./make-cards";
import { canonicalWord } from "./gazetteer";
import { computeJaccard, containsTokenRun, countWords, tokenize } from "./normalize";
import type { AnalyzedSentence, GeneratedCard } from "./types";

/** Why a candidate was refused; the strings are part of the generator's output. */
export type RejectionReason = "cruft" | "fragment" | "uncertain-speaker" | "vague-pronoun" | "answer-in-prompt" | "too-long" | "near-duplicate";

const MIN_SENTENCE_WORDS = 5;
const MAX_PROMPT_WORDS = 55;
/** Token-set Jaccard at or above which two cards of one kind and answer teach the same thing. */
const NEAR_DUPLICATE_JACCARD = 0.7;

const VAGUE_OPENER = /^(?:he|she|it|it's|they|they're|this|that|that's|these|those|them|his|her|its|their|you|your)\b/i;
const FIRST_PERSON_OPENER = /^(?:i|i'm|we|we're|our|us|my)\b/i;
const SAY_VERB = /\b(?:said|says|stated|states|noted|noting|added|told|warned|argued|stressed|underlined|according to)\b/i;
// Straight or opening quotes, or a closing single quote after punctuation (an apostrophe never follows a full stop).
const QUOTE_MARK = /[“”"‘]|[.,!?]’/;
const COMPLETE_QUOTE = /[“"‘]([^”"’]*)[”"’]/g;
const MIN_QUOTE_WORDS = 4;

/**
 * A quotation is only usable when a named person outside the quote says it ("…,” Whitaker said).
 * Quotes cut across sentences ("He said, ‘I'm willing…") or attributed to a pronoun are not.
 */
function hasUncertainSpeaker(sentence: AnalyzedSentence): boolean {
  if (!QUOTE_MARK.test(sentence.text)) return false;
  let quoted = false;
  const outside = sentence.text.replace(COMPLETE_QUOTE, (_, inner: string) => {
    // Short quoted words are scare quotes ("a “360-degree” approach"), not speech.
    if (countWords(inner) < MIN_QUOTE_WORDS) return inner;
    quoted = true;
    return " ";
  });
  if (QUOTE_MARK.test(outside)) return true;
  if (!quoted) return false;
  const namedSpeaker = sentence.mentions.some((mention) => mention.type === "person" && outside.includes(mention.text));
  return !(SAY_VERB.test(outside) && namedSpeaker);
}

/**
 * Too short, a list item cut at a comma, or an unpunctuated line without verb or figure. A full
 * sentence without a verb tag is kept: compromise sometimes reads "Türkiye hosts…" as a noun compound.
 */
function isFragment(sentence: AnalyzedSentence): boolean {
  const original = sentence.original.trim();
  if (countWords(sentence.text) < MIN_SENTENCE_WORDS || /[,;:]$/.test(original)) return true;
  const hasFigure = sentence.mentions.some((mention) => ["date", "year", "percentage", "count", "money"].includes(mention.type));
  return !/[.!?"”’)]$/.test(original) && !sentence.verb && !hasFigure;
}

/** Sentence-level rules: every card from a sentence that fails one is refused for the same reason. */
export function findSentenceProblem(sentence: AnalyzedSentence): RejectionReason | undefined {
  if (isCruftText(sentence.original)) return "cruft";
  if (isFragment(sentence)) return "fragment";
  if (hasUncertainSpeaker(sentence)) return "uncertain-speaker";
  const opening = sentence.text.replace(/^[“"‘'(\s]+/, "");
  if (VAGUE_OPENER.test(opening) || (!sentence.speaker && FIRST_PERSON_OPENER.test(opening))) return "vague-pronoun";
  return undefined;
}

/** The prompt as a learner sees it before answering (cloze deletions hidden). */
function visiblePrompt(card: GeneratedCard): string {
  return card.prompt.replace(/\{\{c1::[^}]*\}\}/g, " ");
}

/** Card-level rules: guessable answers and prompts too long to review. */
export function findCardProblem({ card, mention, sentence }: CandidateCard): RejectionReason | undefined {
  if (countWords(visiblePrompt(card)) > MAX_PROMPT_WORDS) return "too-long";
  if (card.kind === "truefalse") return undefined;
  const promptTokens = tokenize(visiblePrompt(card));
  if (containsTokenRun(promptTokens, tokenize(card.answer)) || containsTokenRun(promptTokens, tokenize(mention.text))) return "answer-in-prompt";
  const sameEntityElsewhere = sentence.mentions.some((other) => other !== mention && other.key === mention.key);
  return sameEntityElsewhere ? "answer-in-prompt" : undefined;
}

/** Sentences at least this similar state the same fact, e.g. one article quoting another. */
const SAME_STATEMENT_JACCARD = 0.8;

type Fingerprint = { kind: GeneratedCard["kind"]; prompt: ReadonlySet<string>; sentence: ReadonlySet<string>; source: AnalyzedSentence };

/**
 * Remembers accepted cards and spots near-duplicates (words compared in one spelling, so a reprint in American
 * English or with "Turkey" for "Türkiye" is the same statement): a card about the same answer that either has
 * the same kind and nearly the same prompt, or comes from another sentence stating the same thing.
 * Several kinds of card on one fact of one sentence are deliberate and not duplicates.
 */
export function createDuplicateFilter() {
  const byAnswer = new Map<string, Fingerprint[]>();
  // A sentence gives several candidates, and a candidate is checked before it is remembered: tokenize each once.
  const sentenceTokens = new WeakMap<AnalyzedSentence, ReadonlySet<string>>();
  const fingerprints = new WeakMap<CandidateCard, Fingerprint>();
  const fingerprint = (candidate: CandidateCard): Fingerprint => {
    const known = fingerprints.get(candidate);
    if (known) return known;
    const { card, sentence } = candidate;
    let tokens = sentenceTokens.get(sentence);
    if (!tokens) {
      tokens = new Set(tokenize(sentence.text).map(canonicalWord));
      sentenceTokens.set(sentence, tokens);
    }
    const made = { kind: card.kind, prompt: new Set(tokenize(`${visiblePrompt(card)} ${card.answer}`).map(canonicalWord)), sentence: tokens, source: sentence };
    fingerprints.set(candidate, made);
    return made;
  };
  return {
    isDuplicate(candidate: CandidateCard): boolean {
      const current = fingerprint(candidate);
      return (byAnswer.get(candidate.mention.key) ?? []).some(
        (other) =>
          (other.kind === current.kind && computeJaccard(other.prompt, current.prompt) >= NEAR_DUPLICATE_JACCARD) ||
          (other.source !== current.source && computeJaccard(other.sentence, current.sentence) >= SAME_STATEMENT_JACCARD),
      );
    },
    remember(candidate: CandidateCard): void {
      const seen = byAnswer.get(candidate.mention.key);
      if (seen) seen.push(fingerprint(candidate));
      else byAnswer.set(candidate.mention.key, [fingerprint(candidate)]);
    },
  };
}
