import { FSRS, generatorParameters, type StepUnit } from "ts-fsrs";
import { FSRS_PARAMETER_COUNT, type SchedulerSettings } from "@/lib/srs/settings";

const MAX_CACHED_SCHEDULERS = 64;
const schedulers = new Map<string, FSRS>();

function buildScheduler(settings: SchedulerSettings): FSRS {
  return new FSRS(
    generatorParameters({
      w: settings.fsrsParameters.length === FSRS_PARAMETER_COUNT ? settings.fsrsParameters : undefined,
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: settings.enableFuzz,
      enable_short_term: true,
      // The settings schema only admits "<whole number><m|h|d>", which is ts-fsrs's step syntax.
      learning_steps: settings.learningSteps as StepUnit[],
      relearning_steps: settings.relearningSteps as StepUnit[],
    }),
  );
}

/** A ts-fsrs scheduler for these settings; instances are shared because they hold no per-card state between calls. */
export function createScheduler(settings: SchedulerSettings): FSRS {
  const key = JSON.stringify([
    settings.desiredRetention,
    settings.maximumInterval,
    settings.learningSteps,
    settings.relearningSteps,
    settings.enableFuzz,
    settings.fsrsParameters,
  ]);
  const cached = schedulers.get(key);
  if (cached) return cached;
  const scheduler = buildScheduler(settings);
  if (schedulers.size >= MAX_CACHED_SCHEDULERS) {
    const oldestKey = schedulers.keys().next().value;
    if (oldestKey !== undefined) schedulers.delete(oldestKey);
  }
  schedulers.set(key, scheduler);
  return scheduler;
}
