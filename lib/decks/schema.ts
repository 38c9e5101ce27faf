import { z } from "zod";
import { idSchema, tagListSchema } from "@/lib/cards/schema";
import { ALTERNATE_FACE_KINDS, GENERATED_CARD_KINDS } from "@/lib/generator/types";

export const deckIdSchema = idSchema;

export const deckNameSchema = z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.");

/** The editable settings of a deck. */
export const deckFieldsSchema = z.object({
  name: deckNameSchema,
  description: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
  tags: tagListSchema.default([]),
});
export type DeckFieldsInput = z.input<typeof deckFieldsSchema>;
export type DeckFields = z.output<typeof deckFieldsSchema>;

export const updateDeckSchema = deckFieldsSchema.extend({ deckId: deckIdSchema });
export const publishDeckSchema = z.object({ deckId: deckIdSchema, isPublic: z.boolean() });
export const copyDeckSchema = z.object({ deckId: deckIdSchema });
export const deleteDeckSchema = z.object({ deckId: deckIdSchema });

/** A generator card as it travels from the browser back to "Save to deck" (the teacher may have edited it). */
export const generatedCardSchema = z.object({
  id: idSchema.or(z.string().regex(/^[A-Za-z0-9_:.-]{1,120}$/)),
  kind: z.enum(GENERATED_CARD_KINDS),
  prompt: z.string().max(4000),
  answer: z.string().max(2000),
  choices: z.array(z.string().max(600)).max(6).optional(),
  explanation: z.string().max(4000).optional(),
  tolerance: z.number().min(0).optional(),
  tags: z.array(z.string().max(80)).max(30),
  source: z.object({ document: z.string().max(300), sentence: z.string().max(4000) }),
  flags: z.array(z.string().max(120)).max(20).optional(),
  // A candidate from the fact base keeps its fact id and its other faces for the quiz.
  factId: z.string().max(120).optional(),
  faces: z
    .array(
      z.object({
        kind: z.enum(ALTERNATE_FACE_KINDS),
        prompt: z.string().max(4000),
        answer: z.string().max(2000),
        choices: z.array(z.string().max(600)).max(6),
      }),
    )
    .max(8)
    .optional(),
});

export const sourceConflictSchema = z.object({
  id: z.string().min(1).max(120),
  topic: z.string().max(300),
  description: z.string().max(2000),
  sources: z.array(z.string().max(300)).max(50),
});

// A long article is ~50 KB; the cap keeps one request from occupying the (two-core) server for long.
export const MAX_ARTICLE_CHARS = 300_000;

/** What an article is about, as the teacher confirmed or corrected it. */
export const contextFrameSchema = z.object({
  event: z.string().trim().min(3, "Name the event the article is about.").max(200, "Use at most 200 characters."),
  place: z
    .string()
    .trim()
    .max(100, "Use at most 100 characters.")
    .optional()
    .transform((value) => value || undefined),
  date: z
    .string()
    .trim()
    .regex(/^(\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}-\d{2}-\d{2})?)?$/, "Write the date as YYYY-MM-DD (or YYYY-MM, or a range YYYY-MM-DD/YYYY-MM-DD).")
    .optional()
    .transform((value) => value || undefined),
});

export const generateRequestSchema = z.object({
  name: z.string().trim().min(1).max(200).default("Pasted article"),
  text: z
    .string()
    .max(MAX_ARTICLE_CHARS, "The article is too long; paste at most 300,000 characters.")
    .refine(
      (text) => !text.includes("\u0000") && (text.match(/\uFFFD/g)?.length ?? 0) <= text.length / 100,
      "That looks like a binary file, not text. Upload a .txt, .md or .html file.",
    )
    .transform((text) => text.trim())
    .pipe(z.string().min(1, "Paste an article or upload a file.")),
  frame: contextFrameSchema.optional(),
});

/** "Save to deck": the accepted (possibly edited) cards, into an own deck or a new one. */
export const saveGeneratedSchema = z.object({
  target: z.union([z.object({ deckId: deckIdSchema }), z.object({ newDeckName: deckNameSchema })]),
  cards: z.array(generatedCardSchema).min(1, "Accept at least one card.").max(5000),
  conflicts: z.array(sourceConflictSchema).max(500).default([]),
});
export type SaveGeneratedInput = z.output<typeof saveGeneratedSchema>;
