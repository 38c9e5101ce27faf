import { z } from "zod";

/**
 * The shape of one NATO fact as it is written in seeds/facts/*.yaml. Facts are the unit of study: each becomes
 * one scheduled card whose other formats (multiple choice, true/false, cloze, typed) are alternate faces.
 */

const text = (what: string) => z.string().trim().min(1, `${what} is empty.`);

/** Kebab-case, stable across edits: card ids and learners' memories hang on it. */
export const factIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and hyphens).")
  .max(80, "has at most 80 characters.");

/** A calendar day, a month, a year, or a range of days written `start/end`. */
export const factDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}-\d{2}-\d{2})?$/, "dates are YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD.");

export const ANSWER_TYPES = ["person", "date", "year", "number", "percent", "money", "place", "organisation", "term"] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Types whose answer is a number a student can type and the app can check with a tolerance. */
export const NUMERIC_ANSWER_TYPES: readonly AnswerType[] = ["year", "number", "percent", "money"];

const answerSchema = z
  .object({
    type: z.enum(ANSWER_TYPES, { error: `answer.type must be one of ${ANSWER_TYPES.join(", ")}.` }),
    text: text("answer.text"),
    /** Other ways of writing the same answer, accepted when typed ("Türkiye" and "Turkey"). */
    accept: z.array(text("answer.accept entry")).default([]),
    /** The number, for numeric types ("3.5" for 3.5%). */
    value: z.number().optional(),
    /** What the number counts ("allies", "euros", "nuclear warheads"). */
    unit: z.string().trim().optional(),
    /** People: their role at the time of the fact, and their country or organisation. */
    role: z.string().trim().optional(),
    country: z.string().trim().optional(),
  })
  .strict()
  .superRefine((answer, ctx) => {
    const numeric = NUMERIC_ANSWER_TYPES.includes(answer.type);
    if (numeric && answer.value === undefined) ctx.addIssue({ code: "custom", path: ["value"], message: `a ${answer.type} answer needs value (the number).` });
    if (answer.type === "person" && (!answer.role || !answer.country))
      ctx.addIssue({ code: "custom", path: ["role"], message: "a person answer needs role and country." });
  });

const sourceSchema = z
  .object({
    /** An id from seeds/documents.yaml. */
    document: text("sources[].document"),
    /** The sentence of that document (in the project's words) that supports the fact. */
    support: text("sources[].support"),
  })
  .strict();

const correctionSchema = z
  .object({
    /** What the wrong source says, restated. */
    claim: text("correction.claim"),
    /** Documents that make the claim. */
    claimedIn: z.array(text("correction.claimedIn entry")).min(1, "correction.claimedIn names at least one document."),
    /** Why the record says otherwise; the student reads it on the back of the card. */
    reason: text("correction.reason"),
    /**
     * Words that together mark a sentence repeating the claim, so a pasted article is checked against it: every
     * entry must occur ("a|b" for either), and one starting with "!" must not ("!December 2024").
     */
    signature: z.array(text("correction.signature entry")).min(1).optional(),
  })
  .strict();

const disputeSchema = z
  .object({
    positions: z
      .array(z.object({ document: text("dispute.positions[].document"), says: text("dispute.positions[].says") }).strict())
      .min(2, "a dispute needs at least two positions."),
    note: text("dispute.note"),
  })
  .strict();

const statusSchema = z.discriminatedUnion(
  "status",
  [
    z.object({ status: z.literal("confirmed") }),
    z.object({ status: z.literal("corrected"), correction: correctionSchema }),
    z.object({ status: z.literal("disputed"), dispute: disputeSchema }),
  ],
  { error: "status must be confirmed, corrected (with correction) or disputed (with dispute)." },
);

const factBodySchema = z
  .object({
    id: factIdSchema,
    /** Groups facts for mastery by topic and for interleaving new cards. */
    topic: factIdSchema,
    /** The fact in one or two sentences of the project's own words. */
    statement: text("statement"),
    context: z.object({ event: text("context.event"), place: z.string().trim().optional(), date: factDateSchema.optional() }).strict(),
    /** The question the fact answers, self-contained: it names the event and its date or place. */
    question: text("question"),
    answer: answerSchema,
    /** Three wrong options of the answer's kind, each plausible and clearly wrong. */
    distractors: z.array(text("distractors entry")).default([]),
    /** The fact changed in substance, for the true/false face. */
    falseStatement: text("falseStatement").optional(),
    /** The statement with the answer marked as {{…}}, for the fill-the-blank face. */
    cloze: z
      .string()
      .trim()
      .regex(/\{\{[^{}]+\}\}/, "cloze marks the answer as {{…}}.")
      .optional(),
    /** Background and caveats, shown on the back of every face. */
    explanation: z.string().trim().default(""),
    /** The face the fact is scheduled with; the default follows the answer's type. */
    face: z.enum(["mcq", "numeric", "qa"]).optional(),
    importance: z.enum(["core", "detail"], { error: "importance must be core or detail." }),
    validAsOf: factDateSchema,
    sources: z.array(sourceSchema).min(1, "a fact needs at least one source."),
    /** Numeric faces: accepted absolute error. */
    tolerance: z.number().nonnegative().optional(),
    /**
     * Phrases that show a pasted article touches this fact, so the article generator offers it: one entry is
     * matched when one sentence holds each of its " + " parts, a part being words in order with "|" between
     * alternatives ("Article 5 + invoked|invocation"). Background facts an article names without restating.
     */
    mentions: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[^+|]+(?:[+|][^+|]+)*$/, "mentions: parts are joined by + and |, none empty."),
      )
      .optional(),
  })
  .strict();

export const factSchema = z.intersection(factBodySchema, statusSchema);
export type Fact = z.infer<typeof factSchema>;

export const factFileSchema = z.array(z.unknown(), { error: "a facts file is a YAML list of facts." });

export const DOCUMENT_KINDS = ["news report", "press conference", "encyclopedia entry", "official text", "reference"] as const;

export const documentSchema = z
  .object({
    id: factIdSchema,
    title: text("title"),
    publisher: text("publisher"),
    date: factDateSchema,
    kind: z.enum(DOCUMENT_KINDS),
    /** The raw article in ../shared/seeds this document restates, when there is one. */
    original: z.string().trim().optional(),
    /** The restatement in seeds/sources, whose sentences `support` quotes. */
    restatement: z.string().trim().optional(),
  })
  .strict();
export type SourceDocument = z.infer<typeof documentSchema>;
