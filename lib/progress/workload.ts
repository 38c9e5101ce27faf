import { createScheduler } from "@/lib/srs/scheduler";
import type { SchedulerSettings } from "@/lib/srs/settings";

export const WORKLOAD_RETENTIONS = [0.8, 0.85, 0.9, 0.95] as const;

export type WorkloadEstimate = { retention: number; reviewsPerDay: number };

/**
 * Reviews a day each desired retention implies for the cards now in review: each card comes back once per the
 * interval FSRS gives its current stability at that retention, and the share it forgets (1 - retention) adds one
 * relearning review per relearning step (at least one). Stability growth is ignored, so this is a near-term upper estimate.
 */
export function estimateWorkload(stabilities: readonly number[], settings: SchedulerSettings): WorkloadEstimate[] {
  const relearningReviews = Math.max(1, settings.relearningSteps.length);
  return WORKLOAD_RETENTIONS.map((retention) => {
    const scheduler = createScheduler({ ...settings, desiredRetention: retention, enableFuzz: false });
    const perReview = 1 + (1 - retention) * relearningReviews;
    const reviewsPerDay = stabilities.reduce((sum, stability) => sum + perReview / Math.max(1, scheduler.next_interval(stability, 0)), 0);
    return { retention, reviewsPerDay };
  });
}
