import "server-only";
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { default_w } from "ts-fsrs";
import { FSRS_PARAMETER_COUNT } from "@/lib/srs/settings";
import { isEvaluableItem, isTrainableItem, type TrainingItem } from "./training-items";

/** How well a parameter set predicts the learner's own answers; lower is better for both. */
export type FitQuality = { logLoss: number; rmse: number };

export type Personalization = { parameters: number[]; current: FitQuality; optimized: FitQuality };

function toBindingItems(items: readonly TrainingItem[]): FSRSBindingItem[] {
  // Checked again at the native boundary: one same-day-only item would abort the server (see isTrainableItem).
  if (!items.every(isTrainableItem)) throw new RangeError("Every training item needs a review on a later day.");
  return items.map((item) => new FSRSBindingItem(item.map((review) => new FSRSBindingReview(review.rating, review.deltaT))));
}

/** The weights the scheduler really uses: the learner's own, or ts-fsrs defaults when none are stored. */
export function resolveParameters(stored: readonly number[]): number[] {
  return stored.length === FSRS_PARAMETER_COUNT ? [...stored] : [...default_w];
}

/**
 * Log loss and RMSE (binned, as fsrs-rs reports it) of `parameters` on the items that predict a later-day review;
 * throws when there are none.
 */
export function evaluateParameters(items: readonly TrainingItem[], parameters: readonly number[]): FitQuality {
  const { logLoss, rmseBins } = new FSRSBinding([...parameters]).evaluate(toBindingItems(items.filter(isEvaluableItem)));
  return { logLoss, rmse: rmseBins };
}

/**
 * Fits FSRS-6 weights to the learner's items and scores them against the weights in use on the same items.
 * If the fit is no better, the current weights come back, so applying the result can never make predictions worse.
 */
export async function personalizeParameters(items: readonly TrainingItem[], stored: readonly number[]): Promise<Personalization> {
  const currentParameters = resolveParameters(stored);
  const current = evaluateParameters(items, currentParameters);
  const fitted = await computeParameters(toBindingItems(items), { enableShortTerm: true });
  if (fitted.length !== FSRS_PARAMETER_COUNT || !fitted.every(Number.isFinite)) {
    return { parameters: currentParameters, current, optimized: current };
  }
  const optimized = evaluateParameters(items, fitted);
  return optimized.logLoss <= current.logLoss ? { parameters: fitted, current, optimized } : { parameters: currentParameters, current, optimized: current };
}
