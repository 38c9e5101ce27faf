import { z } from "zod";
import { classIdSchema, joinCodeSchema } from "@/lib/classes/schema";
import { CLASS_SIGN_UPS } from "./limits";

/** The join code a sign-up form may carry (from /signup?join=CODE); anything unreadable counts as a bad link. */
export const signUpJoinSchema = z.object({
  joinCode: z.string().max(40).optional().catch(undefined),
});

/** A join code as it arrives in a link, or undefined when absent or malformed. */
export function readJoinCode(value: unknown): string | undefined {
  const parsed = joinCodeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export const signUpLimitSchema = z.object({
  classId: classIdSchema,
  signUpsPerHour: z.coerce
    .number("Enter a number.")
    .int("Use a whole number.")
    .min(CLASS_SIGN_UPS.minPerHour, `At least ${CLASS_SIGN_UPS.minPerHour}.`)
    .max(CLASS_SIGN_UPS.maxPerHour, `At most ${CLASS_SIGN_UPS.maxPerHour}.`),
});
export type SignUpLimitInput = z.output<typeof signUpLimitSchema>;
