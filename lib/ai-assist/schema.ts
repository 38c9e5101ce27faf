import { z } from "zod";
import { generateRequestSchema } from "@/lib/decks/schema";
import { factDateSchema } from "@/lib/facts/schema";

// An empty optional field in the form means "not given".
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** "Ask the AI assistant": the same article limits as the generator, and the teacher's frame for it. */
export const proposeRequestSchema = generateRequestSchema.extend({
  frame: z.object({
    event: z.string().trim().min(1, "Name the event the article reports, e.g. NATO summit in The Hague.").max(200, "Use at most 200 characters."),
    place: z.preprocess(blankToUndefined, z.string().trim().max(200, "Use at most 200 characters.").optional()),
    date: z.preprocess(blankToUndefined, factDateSchema.optional()),
  }),
});
export type ProposeRequest = z.input<typeof proposeRequestSchema>;
