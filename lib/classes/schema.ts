import { z } from "zod";
import { idSchema } from "@/lib/cards/schema";
import { examFieldsSchema, type ExamFields } from "@/lib/exams/schema";

// No 0/O, 1/I/L, 2/Z, 5/S or 8/B: codes are read aloud and copied from projectors.
export const JOIN_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
export const JOIN_CODE_LENGTH = 8;

/**
 * A join code as a student may type it (any case, spaces or dashes), normalized to the stored form.
 * Any 8 letters and digits are well formed: a code with a look-alike the generator never uses (ABCD1234)
 * is a code no class has, and the student is told that rather than that its shape is wrong.
 */
export const joinCodeSchema = z
  .string()
  .max(40)
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(new RegExp(`^[A-Z0-9]{${JOIN_CODE_LENGTH}}$`), `A join code has ${JOIN_CODE_LENGTH} letters and digits.`));

export const classIdSchema = idSchema;

export const createClassSchema = z.object({ name: z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.") });

export const classMemberSchema = z.object({ classId: classIdSchema, userId: idSchema });

const dateOnly = z.iso.date("Enter a date.").transform((value) => new Date(`${value}T00:00:00Z`));

/** Assigning a deck: an optional target date (a calendar day), an optional daily goal of reviews, and an optional exam. */
export const assignDeckSchema = examFieldsSchema.extend({
  classId: classIdSchema,
  deckId: idSchema,
  targetDate: z
    .union([z.literal("").transform(() => null), dateOnly])
    .nullable()
    .default(null),
  dailyGoal: z
    .union([z.literal("").transform(() => null), z.coerce.number().int("Use a whole number.").min(1, "At least 1.").max(1000, "At most 1000.")])
    .nullable()
    .default(null),
});
/** The exam fields may be left out by callers that assign without one. */
export type AssignDeckInput = Omit<z.output<typeof assignDeckSchema>, keyof ExamFields> & Partial<ExamFields>;

export const unassignSchema = z.object({ classId: classIdSchema, assignmentId: idSchema });
