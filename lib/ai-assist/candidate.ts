import { z } from "zod";
import { foldWords } from "@/lib/facts/lint";
import { ANSWER_TYPES } from "@/lib/facts/schema";
import { PASTED_ARTICLE } from "@/lib/generator/pasted-article";

/** What the assistant is asked for, at most; anything past it is dropped and counted. */
export const MAX_PROPOSALS = 20;

/** Every AI-proposed fact carries this topic (its card's tag); its source document is PASTED_ARTICLE. */
export const AI_TOPIC = "ai-proposed";

/** Where a proposed fact is set: the teacher names the event, and the place and date where they matter. */
export type ProposalFrame = { event: string; place?: string; date?: string };

const nonEmpty = z.string().trim().min(1);
// Models write numbers as strings ("2035") and send null for fields that do not apply; both are tolerated here,
// and factSchema then holds the converted fact to the same rules as the shipped deck.
const numberLike = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** One candidate as the assistant must write it (extra keys are ignored). */
export const candidateSchema = z.object({
  statement: nonEmpty,
  question: nonEmpty,
  answer: z.object({
    type: z.enum(ANSWER_TYPES),
    text: nonEmpty,
    accept: z.array(nonEmpty).nullish(),
    value: numberLike.nullish(),
    unit: z.string().trim().nullish(),
    role: z.string().trim().nullish(),
    country: z.string().trim().nullish(),
  }),
  distractors: z.array(nonEmpty).length(3),
  falseStatement: nonEmpty,
  // A sentence, not a word: "NATO" occurs in every article and would prove nothing.
  quote: nonEmpty.refine((quote) => quote.split(/\s+/).length >= 5, "quote must be a whole sentence."),
  importance: z.enum(["core", "detail"]),
});
export type Candidate = z.output<typeof candidateSchema>;

/** Whitespace collapsed (line breaks, non-breaking spaces) and Unicode composed, so a quote compares as it reads. */
export function normaliseSpace(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Whether the quote occurs verbatim in the article, up to whitespace. */
export function quotesArticle(quote: string, article: string): boolean {
  const needle = normaliseSpace(quote);
  return needle.length > 0 && normaliseSpace(article).includes(needle);
}

// FNV-1a: a short, stable hash with no dependency, for ids only (not security).
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0");
}

/**
 * A kebab-case id from the quote's first words and a hash of quote and answer: asking again for the same fact
 * from the same sentence gives the same id (so saving twice updates the card), while two facts from one sentence differ.
 */
export function proposalId(quote: string, answer: string): string {
  const slug = foldWords(quote)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .split("-")
    .slice(0, 6)
    .join("-")
    .slice(0, 48)
    .replace(/-+$/, "");
  return ["ai", slug, fnv1a(`${normaliseSpace(quote)}\u241f${foldWords(answer)}`)].filter(Boolean).join("-");
}

/** A candidate as a fact of the shipped shape (not yet validated: factSchema and the lint decide). */
export function candidateToFact(candidate: Candidate, frame: ProposalFrame, validAsOf: string): unknown {
  const { answer } = candidate;
  const quote = normaliseSpace(candidate.quote);
  return {
    id: proposalId(quote, answer.text),
    topic: AI_TOPIC,
    statement: candidate.statement,
    context: { event: frame.event, ...(frame.place ? { place: frame.place } : {}), ...(frame.date ? { date: frame.date } : {}) },
    question: candidate.question,
    answer: {
      type: answer.type,
      text: answer.text,
      accept: answer.accept ?? [],
      ...(answer.value != null ? { value: answer.value } : {}),
      ...(answer.unit ? { unit: answer.unit } : {}),
      ...(answer.role ? { role: answer.role } : {}),
      ...(answer.country ? { country: answer.country } : {}),
    },
    distractors: candidate.distractors,
    falseStatement: candidate.falseStatement,
    explanation: "",
    importance: candidate.importance,
    validAsOf,
    sources: [{ document: PASTED_ARTICLE, support: quote }],
    status: "confirmed",
  };
}
