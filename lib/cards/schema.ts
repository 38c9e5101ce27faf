import { z } from "zod";
import { parseCloze } from "./cloze";

export const CARD_KINDS = ["CLOZE", "QA", "MCQ", "TRUEFALSE", "NUMERIC"] as const;
export const cardKindSchema = z.enum(CARD_KINDS);
export type CardKindName = z.infer<typeof cardKindSchema>;

/** Database ids: cuids from Prisma, or readable ids from seeds and imports. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id.");

// Generous for a flashcard, small enough that one card cannot bloat a deck page or an export.
export const PROMPT_MAX = 2000;
export const ANSWER_MAX = 1000;
export const CHOICE_MAX = 300;
export const TAG_MAX = 40;
const MCQ_MIN_CHOICES = 2;
const MCQ_MAX_CHOICES = 6;

// PostgreSQL text refuses NUL, so it is removed at the boundary instead of failing a whole import mid-write.
const cleanText = (max: number) =>
  z
    .string()
    .transform((value) => value.replaceAll("\u0000", "").trim())
    .pipe(z.string().max(max, `Use at most ${max} characters.`));

/** Tags: trimmed, lower-cased, de-duplicated; accepts a list or a comma-separated string (form fields, CSV cells). */
export const tagListSchema = z
  .union([z.array(z.string()), z.string().transform((value) => value.split(/[,;]/))])
  .transform((tags) => [...new Set(tags.map((tag) => tag.trim().toLowerCase().replace(/\s+/g, "-")).filter(Boolean))])
  .pipe(z.array(z.string().max(TAG_MAX, `Tags have at most ${TAG_MAX} characters.`)).max(30, "Use at most 30 tags."));

/** The number a numeric answer stands for; thousands separators and spaces are allowed ("1,000"). */
export function parseNumericAnswer(answer: string): number | null {
  const compact = answer.replace(/[,\s]/g, "");
  if (compact === "") return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}

const rawCardSchema = z.object({
  kind: cardKindSchema,
  prompt: cleanText(PROMPT_MAX),
  answer: cleanText(ANSWER_MAX).default(""),
  choices: z.array(cleanText(CHOICE_MAX)).default([]),
  explanation: cleanText(PROMPT_MAX).default(""),
  tolerance: z.number().nullable().default(null),
  tags: tagListSchema.default([]),
});

/**
 * One card's content with the rules of its kind. Fields a kind does not use are cleared (choices outside
 * multiple choice, tolerance outside numeric), and a cloze's answer is derived from its deletions, so what is
 * stored is exactly what a student will see.
 */
export const cardContentSchema = rawCardSchema.transform((card, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  // Checked here rather than on the field so that one pass reports every field's problem together.
  if (card.prompt === "") issue("prompt", "Enter a prompt.");
  const base = { ...card, choices: [] as string[], tolerance: null as number | null };
  switch (card.kind) {
    case "CLOZE": {
      const parsed = parseCloze(card.prompt);
      const blanks = parsed.segments.filter((segment) => segment.kind === "blank");
      if (blanks.length === 0 || blanks.some((blank) => blank.answer === "")) {
        issue("prompt", "A cloze card needs a deletion such as {{c1::The Hague}}.");
      }
      return { ...base, answer: parsed.answer };
    }
    case "QA":
      if (card.answer === "") issue("answer", "Enter an answer.");
      return base;
    case "MCQ": {
      const choices = card.choices.filter(Boolean);
      const distinct = new Set(choices.map((choice) => choice.toLowerCase()));
      if (choices.length < MCQ_MIN_CHOICES || choices.length > MCQ_MAX_CHOICES) {
        issue("choices", `Give ${MCQ_MIN_CHOICES} to ${MCQ_MAX_CHOICES} choices, one per line.`);
      } else if (distinct.size !== choices.length) {
        issue("choices", "Each choice must be different.");
      } else if (!choices.includes(card.answer)) {
        issue("answer", "The answer must be one of the choices, spelled the same.");
      }
      return { ...base, choices };
    }
    case "TRUEFALSE": {
      const answer = card.answer.toLowerCase();
      if (answer !== "true" && answer !== "false") issue("answer", 'The answer must be "True" or "False".');
      return { ...base, answer: answer === "true" ? "True" : answer === "false" ? "False" : card.answer };
    }
    case "NUMERIC":
      if (parseNumericAnswer(card.answer) === null) issue("answer", "The answer must be a number, such as 32 or 2.5.");
      if (card.tolerance !== null && !(card.tolerance >= 0 && Number.isFinite(card.tolerance))) {
        issue("tolerance", "The tolerance must be zero or more.");
      }
      return { ...base, tolerance: card.tolerance };
  }
});
export type CardContentInput = z.input<typeof cardContentSchema>;
export type CardContent = z.output<typeof cardContentSchema>;

/** The editor's text fields as typed; `toCardInput` turns them into the shape `cardContentSchema` checks. */
export type CardFormFields = {
  kind: string;
  prompt: string;
  answer: string;
  choices: string;
  explanation: string;
  tolerance: string;
  tags: string;
};

/** Form text -> card input: choices one per line, tolerance blank for exact, tags comma-separated. */
export function toCardInput(fields: CardFormFields): CardContentInput {
  const tolerance = fields.tolerance.trim();
  return {
    kind: cardKindSchema.catch("QA").parse(fields.kind),
    prompt: fields.prompt,
    answer: fields.answer,
    choices: fields.choices
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    explanation: fields.explanation,
    tolerance: tolerance === "" ? null : Number(tolerance),
    tags: fields.tags,
  };
}

export const cardFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(TAG_MAX).optional(),
  kind: cardKindSchema.optional(),
  flag: z.string().trim().max(60).optional(),
});
export type CardFilter = z.infer<typeof cardFilterSchema>;

// One page of a deck is at most this many cards per bulk action; more is a sign of a scripted request.
const cardIdsSchema = z.array(idSchema).min(1, "Select at least one card.").max(10_000);

export const bulkTagSchema = z.object({ cardIds: cardIdsSchema, add: tagListSchema.default([]), remove: tagListSchema.default([]) });
export const bulkMoveSchema = z.object({ cardIds: cardIdsSchema, targetDeckId: idSchema });
export const bulkDeleteSchema = z.object({ cardIds: cardIdsSchema });
