import { z } from "zod";
import { idSchema } from "@/lib/cards/schema";

/** The defaults: 90% recall on exam day, every new card seen a week before it. */
export const EXAM_DEFAULTS = { targetRecall: 0.9, finishDaysBefore: 7 } as const;

/** The exam fields a teacher gives an assignment or a learner gives an own deck; a blank date means no exam. */
export const examFieldsSchema = z.object({
  examDate: z
    .union([z.literal("").transform(() => null), z.iso.date("Enter a date.")])
    .nullable()
    .default(null),
  // Entered as a percentage, stored as a share.
  targetRecall: z
    .union([
      z.literal("").transform(() => Math.round(EXAM_DEFAULTS.targetRecall * 100)),
      z.coerce.number("Enter a percentage.").int("Use a whole number.").min(50, "At least 50%.").max(99, "At most 99%."),
    ])
    .default(Math.round(EXAM_DEFAULTS.targetRecall * 100))
    .transform((percent) => percent / 100),
  finishDaysBefore: z
    .union([
      z.literal("").transform(() => EXAM_DEFAULTS.finishDaysBefore),
      z.coerce.number("Enter a number of days.").int("Use a whole number.").min(0, "At least 0.").max(60, "At most 60."),
    ])
    .default(EXAM_DEFAULTS.finishDaysBefore),
});
export type ExamFields = z.output<typeof examFieldsSchema>;

/** A learner's exam on a deck they own. */
export const ownDeckExamSchema = examFieldsSchema.extend({ deckId: idSchema });
export type OwnDeckExamInput = z.output<typeof ownDeckExamSchema>;

/** A "YYYY-MM-DD" day as the stored UTC-midnight timestamp, and back. */
export const dayToTimestamp = (day: string) => new Date(`${day}T00:00:00Z`);
export const timestampToDay = (stamp: Date) => stamp.toISOString().slice(0, 10);
