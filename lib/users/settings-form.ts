import { z } from "zod";
import { FSRS_PARAMETER_COUNT, studySettingsSchema } from "@/lib/srs/settings";

/** The study settings the form edits; FSRS weights have their own page and actions. */
export const studySettingsFormSchema = studySettingsSchema.omit({ fsrsParameters: true });
export type StudySettingsForm = z.infer<typeof studySettingsFormSchema>;

// Messages for checks the shared schema leaves to zod's defaults, phrased for a person filling in a form.
const formErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return "Fill this in.";
    return issue.expected === "int" ? "Use a whole number." : "Enter a number.";
  }
  if (issue.code === "too_small") return `Use ${String(issue.minimum)} or more.`;
  if (issue.code === "too_big") return `Use at most ${String(issue.maximum)}.`;
  if (issue.code === "invalid_format" || issue.code === "invalid_value") return "Choose a valid value.";
  return undefined;
};

function toNumber(value: FormDataEntryValue | null): number | undefined {
  if (value === null) return undefined;
  const text = String(value).trim();
  // An emptied field must fail as "Enter a number", not fall back to a default nobody chose.
  return text === "" ? Number.NaN : Number(text);
}

function toSteps(value: FormDataEntryValue | null): string[] {
  return String(value ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** Reads and validates the settings form; on failure, errors are keyed by field name. */
export function parseStudySettingsForm(form: FormData) {
  return studySettingsFormSchema.safeParse(
    {
      desiredRetention: toNumber(form.get("desiredRetention")),
      newCardsPerDay: toNumber(form.get("newCardsPerDay")),
      maximumInterval: toNumber(form.get("maximumInterval")),
      learningSteps: toSteps(form.get("learningSteps")),
      relearningSteps: toSteps(form.get("relearningSteps")),
      enableFuzz: form.get("enableFuzz") === "on",
      timeZone: String(form.get("timeZone") ?? ""),
      dayStartHour: toNumber(form.get("dayStartHour")),
      leechThreshold: toNumber(form.get("leechThreshold")),
      suspendLeeches: form.get("suspendLeeches") === "on",
      easyDays: form.getAll("easyDays").map(Number),
    },
    { error: formErrors },
  );
}

/** A full set of FSRS-6 weights, as the optimizer returns them. */
export const fsrsWeightsSchema = z.array(z.number().finite()).length(FSRS_PARAMETER_COUNT);

export const deleteAccountSchema = z.object({ confirmation: z.string().trim().max(254) });
