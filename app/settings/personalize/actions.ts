"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { listTrainingReviews } from "@/lib/progress/data";
import { personalizeParameters, type Personalization } from "@/lib/progress/optimize-parameters";
import { buildTrainingItems, checkPersonalizeReadiness, isEvaluableItem } from "@/lib/progress/training-items";
import { findUserSettings } from "@/lib/users/data";
import { saveFsrsParameters } from "@/lib/users/mutations";
import { fsrsWeightsSchema } from "@/lib/users/settings-form";

const SIGNED_OUT = fail("unauthenticated", "Your session has ended. Sign in again.");

/** Fits FSRS weights to the learner's own review log and reports both fits; stores nothing. */
export async function computeParametersAction(): Promise<ActionResult<Personalization>> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  const db = getDb();
  const [log, settings] = await Promise.all([listTrainingReviews(db, user.id), findUserSettings(db, user.id)]);
  if (!settings) return SIGNED_OUT;
  const readiness = checkPersonalizeReadiness(log);
  if (!readiness.ready)
    return fail("invalid_input", `Not enough reviews yet: ${readiness.reviewsNeeded} more reviews and ${readiness.cardsNeeded} more cards needed.`);
  const items = buildTrainingItems(log, { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour });
  if (!items.some(isEvaluableItem))
    return fail("invalid_input", "Your cards have not come back on a later day yet, so there is nothing to learn from. Keep reviewing.");
  return ok(await personalizeParameters(items, settings.fsrsParameters));
}

/** Stores weights the learner chose to apply; they only ever affect the learner's own schedule. */
export async function applyParametersAction(weights: unknown): Promise<ActionResult<null>> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  const parsed = fsrsWeightsSchema.safeParse(weights);
  if (!parsed.success) return fail("invalid_input", "These are not 21 FSRS weights. Compute them again.");
  await saveFsrsParameters(getDb(), user.id, parsed.data);
  revalidatePath("/settings/personalize");
  return ok(null);
}

/** Returns the learner to the ts-fsrs default weights. */
export async function resetParametersAction(): Promise<ActionResult<null>> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  await saveFsrsParameters(getDb(), user.id, []);
  revalidatePath("/settings/personalize");
  return ok(null);
}
