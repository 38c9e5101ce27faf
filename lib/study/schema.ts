import { z } from "zod";
import type { QuizFace } from "@/lib/cards/quiz-faces";
import type { StoredCardState } from "@/lib/srs/card-state";
import { studySettingsSchema } from "@/lib/srs/settings";
import { cardKindSchema, idSchema } from "@/lib/cards/schema";
import type { ReviewRating } from "@/lib/srs/grade";

/** Again, Hard, Good or Easy, as FSRS numbers them. */
const ratingSchema = z
  .number()
  .int()
  .min(1)
  .max(4)
  .transform((value) => value as ReviewRating);

const HOUR_MS = 3_600_000;

/** Database ids: cuids from Prisma, or readable ids from seeds and imports. */

const isoSchema = z.iso.datetime({ offset: true });
const instantSchema = isoSchema.transform((value) => new Date(value));

/** One grade as the client sends it; `reviewId` is generated on the client so a retried send applies once. */
export const reviewInputSchema = z.object({
  reviewId: z.uuid(),
  cardId: idSchema,
  rating: ratingSchema,
  reviewedAt: instantSchema.optional(),
  // A card left open over lunch is not an hour of recall; longer durations are clamped rather than refused.
  durationMs: z
    .number()
    .min(0)
    .transform((value) => Math.min(Math.round(value), HOUR_MS)),
  /** The card's lastReview as the client last saw it; null for a card it believes was never studied. */
  expectedLastReview: instantSchema.nullable(),
});
export type ParsedReviewInput = z.output<typeof reviewInputSchema>;

/** Most reviews one sync request may carry; a phone offline for a week sends a few batches of this size. */
export const MAX_SYNC_BATCH = 100;

/** Reviews recorded on a device, offline or not, replayed in review-time order by POST /api/reviews/sync. */
export const reviewSyncInputSchema = z.object({
  /** Whose device queue this is; a different signed-in account is refused, so reviews never land on the wrong learner. */
  learnerId: idSchema.optional(),
  /**
   * The device's clock when it sent this batch. The server takes the difference from its own clock as the
   * device's clock error and moves every review by it, so a phone set minutes fast or slow loses nothing.
   */
  sentAt: instantSchema.optional(),
  reviews: z
    .array(
      z.object({
        reviewId: z.uuid(),
        cardId: idSchema,
        rating: ratingSchema,
        reviewedAt: instantSchema,
        durationMs: z
          .number()
          .min(0)
          .transform((value) => Math.min(Math.round(value), HOUR_MS)),
        /**
         * The interval (days) the device's load balancing chose. Kept when it lies in the fuzz range the server
         * computes for this review, so device and server agree; otherwise the server picks.
         */
        chosenInterval: z.number().int().min(1).max(36500).nullable().optional(),
      }),
    )
    .min(1)
    .max(MAX_SYNC_BATCH),
});
export type ParsedSyncInput = z.output<typeof reviewSyncInputSchema>;
export type ParsedSyncReview = ParsedSyncInput["reviews"][number];

/**
 * Undo names the step it means, a review or a card action; it is undone only while nothing later touched that
 * card (another tab may have studied it since). Naming neither undoes the learner's latest step of either kind.
 */
export const undoInputSchema = z
  .object({ reviewId: z.uuid().optional(), actionId: idSchema.optional() })
  .refine((input) => !(input.reviewId && input.actionId), "Name one review or one card action, not both.");
export type ParsedUndoInput = z.output<typeof undoInputSchema>;

export const cardActionSchema = z.enum(["bury", "unbury", "suspend", "unsuspend", "reset"]);
export type CardAction = z.infer<typeof cardActionSchema>;
/** The body of POST /api/cards/ID/actions. */
export const cardActionInputSchema = z.object({ action: cardActionSchema });

/** `?deck=ID` of the study queue and the offline pack: one deck, or every deck the learner studies. */
export const queueQuerySchema = z.object({ deck: idSchema.optional() });
export type QueueQuery = z.output<typeof queueQuerySchema>;

/** The study page's address: a deck, an exam's final-days pass, and `new=1` when the learner chose new cards with nothing due. */
export const studyPageQuerySchema = queueQuerySchema.extend({ pass: z.literal("exam").optional(), new: z.literal("1").optional() });
export type StudyPageQuery = z.infer<typeof studyPageQuerySchema>;

/** A CardState as JSON: dates travel as ISO strings. Used for API responses and ReviewLog.previousState. */
export const cardStateJsonSchema = z.object({
  due: isoSchema,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.number().int().min(0).max(3),
  lastReview: isoSchema.nullable(),
});
export type CardStateJson = z.infer<typeof cardStateJsonSchema>;

/** The whole stored row as ReviewLog.previousState keeps it, so undo can put back suspension, burial and the leech tag too. */
export const previousStateSchema = cardStateJsonSchema.extend({
  suspended: z.boolean(),
  buriedUntil: isoSchema.nullable(),
  /** Absent in rows logged before the leech tag was kept here. */
  leech: z.boolean().optional(),
});

/** A StoredCardState with its dates as ISO strings, the shape JSON carries. */
export function serializeCardState(state: StoredCardState): CardStateJson {
  return { ...state, due: state.due.toISOString(), lastReview: state.lastReview?.toISOString() ?? null };
}

/** The FSRS state back from JSON (extra fields such as `suspended` are dropped). */
export function parseCardState(json: CardStateJson): StoredCardState {
  return {
    due: new Date(json.due),
    stability: json.stability,
    difficulty: json.difficulty,
    elapsedDays: json.elapsedDays,
    scheduledDays: json.scheduledDays,
    learningSteps: json.learningSteps,
    reps: json.reps,
    lapses: json.lapses,
    state: json.state,
    lastReview: json.lastReview ? new Date(json.lastReview) : null,
  };
}

/**
 * One card in the study queue, as the server sends it to the study screen. The answer buttons' intervals are not
 * sent: the device computes them with lib/srs when the answer is shown, for that moment.
 */
export const studyCardSchema = z.object({
  id: z.string(),
  kind: cardKindSchema,
  prompt: z.string(),
  answer: z.string(),
  choices: z.array(z.string()),
  explanation: z.string(),
  tolerance: z.number().nullable(),
  tags: z.array(z.string()),
  sourceDocument: z.string(),
  state: cardStateJsonSchema.nullable(),
});
export type StudyCard = z.infer<typeof studyCardSchema>;

/** Reviews due on each study day ("YYYY-MM-DD"), all of the learner's decks. */
export const dueCountsSchema = z.record(z.string(), z.number().int().min(0)).default(() => ({}));

export const studyCountsSchema = z.object({ new: z.number(), learning: z.number(), review: z.number() });
export type StudyCounts = z.infer<typeof studyCountsSchema>;

/** GET /api/study/queue, and the study page's first paint. */
export const studyQueueSchema = z.object({
  cards: z.array(studyCardSchema),
  counts: studyCountsSchema,
  settings: studySettingsSchema,
  /** The next time anything in scope falls due after this session, for the summary. */
  nextDue: isoSchema.nullable(),
  /** The learner's reviews due on each study day ahead, which the device balances its grades on. */
  dueCounts: dueCountsSchema,
});
export type StudyQueueJson = z.infer<typeof studyQueueSchema>;

export const QUIZ_LENGTHS = [10, 20, 30] as const;

/** A finished quiz as the client submits it; ids are client-generated so a retried save applies once. */
export const quizAttemptInputSchema = z.object({
  attemptId: z.uuid(),
  deckId: idSchema,
  // Whole-quiz time, clamped like a review's: a tab left open is not study time.
  durationMs: z
    .number()
    .min(0)
    .transform((value) => Math.min(Math.round(value), 3 * HOUR_MS)),
  record: z.boolean(),
  answers: z
    .array(
      z.object({
        cardId: idSchema,
        // Which of the card's quiz faces was shown (lib/cards/quiz-faces); 0 is the card's own face.
        face: z.number().int().min(0).max(20).default(0),
        choice: z.string().max(1000),
        reviewId: z.uuid(),
        answeredAt: instantSchema.optional(),
      }),
    )
    .min(1)
    .max(Math.max(...QUIZ_LENGTHS))
    .refine((answers) => new Set(answers.map((answer) => answer.cardId)).size === answers.length, "Each card may be answered once."),
});
export type QuizAttemptInput = z.input<typeof quizAttemptInputSchema>;
export type ParsedQuizAttemptInput = z.output<typeof quizAttemptInputSchema>;

/** A card the quiz may ask, with every tappable face; answers travel with them so the quiz scores instantly. */
export type QuizCard = { id: string; explanation: string; sourceDocument: string; faces: QuizFace[] };

/** One asked question: a card shown through one of its faces. The server scores the face again on save. */
export type QuizQuestion = QuizFace & { id: string; face: number; explanation: string; sourceDocument: string };
