import { z } from "zod";
import { canonicalizeTimeZone, isIanaTimeZone } from "@/lib/srs/time-zone";

/** FSRS-6 takes exactly this many weights. */
export const FSRS_PARAMETER_COUNT = 21;

const stepSchema = z
  .string()
  .trim()
  // ts-fsrs reads steps with parseInt, so fractions like "1.5m" would silently truncate.
  .regex(/^[1-9]\d*[mhd]$/, "Use a whole number followed by m, h or d, like 10m.");

const stepsSchema = z.array(stepSchema).max(10, "Use at most 10 steps.");

/** How cards are scheduled; mirrors the scheduler columns on User. */
export const schedulerSettingsSchema = z.object({
  desiredRetention: z.number().min(0.7, "Use at least 0.70.").max(0.99, "Use at most 0.99.").default(0.9),
  maximumInterval: z.number().int().min(1).max(36500, "Use at most 36500 days.").default(36500),
  learningSteps: stepsSchema.default(() => ["1m", "10m"]),
  relearningSteps: stepsSchema.default(() => ["10m"]),
  enableFuzz: z.boolean().default(true),
  fsrsParameters: z
    .array(z.number())
    .refine(
      (weights) => weights.length === 0 || weights.length === FSRS_PARAMETER_COUNT,
      `Give all ${FSRS_PARAMETER_COUNT} FSRS-6 weights, or none for the defaults.`,
    )
    .default(() => []),
});
export type SchedulerSettings = z.infer<typeof schedulerSettingsSchema>;

/** An IANA zone name, stored in its canonical spelling. */
export const timeZoneSchema = z.string().trim().refine(isIanaTimeZone, "Choose a time zone such as Europe/Brussels.").transform(canonicalizeTimeZone);

/** Where the user's study day begins and ends. */
export const daySettingsSchema = z.object({
  timeZone: timeZoneSchema.default("UTC"),
  dayStartHour: z.number().int().min(0).max(23).default(4),
});
export type DaySettings = z.infer<typeof daySettingsSchema>;

/** What scheduling a review needs: FSRS settings and the learner's day, on which elapsed days are counted. */
export const reviewSettingsSchema = schedulerSettingsSchema.extend(daySettingsSchema.shape);
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

/** When a card counts as a leech (Anki's rule: 8 lapses) and whether it is then suspended. */
export const leechSettingsSchema = z.object({
  leechThreshold: z.number().int().min(1).max(99).default(8),
  suspendLeeches: z.boolean().default(true),
});
export type LeechSettings = z.infer<typeof leechSettingsSchema>;

/** Weekdays (0 Sunday to 6 Saturday) that load balancing keeps light. */
export const easyDaysSchema = z
  .array(z.number().int().min(0).max(6))
  .max(6, "Leave at least one day of the week for reviews.")
  .transform((days) => [...new Set(days)].sort((a, b) => a - b))
  .default(() => []);

/** Every study setting a user can change, as stored on User. */
export const studySettingsSchema = schedulerSettingsSchema.extend({
  ...daySettingsSchema.shape,
  ...leechSettingsSchema.shape,
  newCardsPerDay: z.number().int().min(0).max(9999).default(20),
  easyDays: easyDaysSchema,
});
export type StudySettings = z.infer<typeof studySettingsSchema>;
