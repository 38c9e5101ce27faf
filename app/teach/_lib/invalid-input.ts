import { z } from "zod";
import { fail } from "@/lib/errors";

/** A zod failure as the form-friendly error every teacher action returns. */
export function invalidInput(error: z.ZodError) {
  return fail("invalid_input", "Check the highlighted fields.", { fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> });
}
