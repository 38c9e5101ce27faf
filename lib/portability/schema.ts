import { z } from "zod";
import { studySettingsSchema } from "@/lib/srs/settings";

/** Imports larger than this are refused before parsing; a decade of daily study exports to a few MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Card states, and reviews, an export may hold (each). */
export const MAX_ROWS = 500_000;
const idSchema = z.string().min(1).max(200);
const instantSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
// Review times as the review APIs bound them: nothing from before spaced repetition apps, nothing ahead of the
// server's clock beyond a phone's drift (5 minutes). Due dates may lie up to the longest interval (100 years) ahead.
const EARLIEST_REVIEW = Date.UTC(2000, 0, 1);
const CLOCK_SKEW_MS = 5 * 60_000;
const reviewTimeSchema = instantSchema.refine(
  (date) => date.getTime() >= EARLIEST_REVIEW && date.getTime() <= Date.now() + CLOCK_SKEW_MS,
  "A review time must lie between 2000 and now.",
);
const dueSchema = instantSchema.refine(
  (date) => date.getTime() >= EARLIEST_REVIEW && date.getFullYear() <= new Date().getFullYear() + 101,
  "A due date must lie between 2000 and 100 years from now.",
);
// Counts that fit the database's integer columns with room to spare; a learner's lifetime is far below.
const countSchema = z.number().int().min(0).max(1_000_000);
const daysSchema = z.number().int().min(0).max(1_000_000);
const stateSchema = z.number().int().min(0).max(3);

/** One CardState in ts-fsrs Card field names. */
export const exportedCardStateSchema = z.object({
  cardId: idSchema,
  due: dueSchema,
  stability: z.number().finite().min(0),
  difficulty: z.number().finite().min(0),
  elapsed_days: daysSchema,
  scheduled_days: daysSchema,
  learning_steps: z.number().int().min(0).max(100),
  reps: countSchema,
  lapses: countSchema,
  state: stateSchema,
  last_review: reviewTimeSchema.nullable(),
});

/** One grade in ts-fsrs ReviewLog field names: the card as it was before the review, and when it happened. */
export const exportedReviewSchema = z.object({
  id: idSchema,
  cardId: idSchema,
  rating: z.number().int().min(1).max(4),
  state: stateSchema,
  due: dueSchema,
  stability: z.number().finite().min(0),
  difficulty: z.number().finite().min(0),
  elapsed_days: daysSchema,
  last_elapsed_days: daysSchema,
  scheduled_days: daysSchema,
  learning_steps: z.number().int().min(0).max(100),
  review: reviewTimeSchema,
  durationMs: z.number().int().min(0).max(86_400_000),
  /** The interval (days) load balancing chose for this review, so replays in the new account land on the same day. */
  chosen_interval: z.number().int().min(1).max(36_500).nullable().default(null),
});

/** The whole personal export; import accepts exactly this (account details are informational and not imported). */
export const personalExportSchema = z.object({
  version: z.literal(1),
  exportedAt: instantSchema,
  settings: studySettingsSchema,
  cardStates: z.array(exportedCardStateSchema).max(MAX_ROWS),
  reviews: z.array(exportedReviewSchema).max(MAX_ROWS),
});
export type PersonalImport = z.infer<typeof personalExportSchema>;

export type ImportSummary = { cardStates: number; reviews: number; duplicateReviews: number; skippedCards: number };
