import { describe, expect, it } from "vitest";
import { createScheduler } from "@/lib/srs/scheduler";
import { schedulerSettingsSchema } from "@/lib/srs/settings";

describe("createScheduler", () => {
  it("maps every setting onto ts-fsrs parameters", () => {
    const weights = Array.from({ length: 21 }, (_, index) => [0.3, 1.2, 2.5, 9, 6, 0.8, 2.5, 0.01][index] ?? 0.2);
    const { parameters } = createScheduler(
      schedulerSettingsSchema.parse({
        desiredRetention: 0.85,
        maximumInterval: 365,
        learningSteps: ["2m", "15m"],
        relearningSteps: ["5m"],
        enableFuzz: false,
        fsrsParameters: weights,
      }),
    );
    expect(parameters.request_retention).toBe(0.85);
    expect(parameters.maximum_interval).toBe(365);
    expect(parameters.learning_steps).toEqual(["2m", "15m"]);
    expect(parameters.relearning_steps).toEqual(["5m"]);
    expect(parameters.enable_fuzz).toBe(false);
    expect(parameters.enable_short_term).toBe(true);
    expect(parameters.w.slice(0, 4)).toEqual([0.3, 1.2, 2.5, 9]);
  });

  it("uses the FSRS-6 default weights when none are given", () => {
    const { parameters } = createScheduler(schedulerSettingsSchema.parse({}));
    expect(parameters.w).toHaveLength(21);
    expect(parameters.w[3]).toBe(8.2956);
  });

  it("reuses one instance for equal settings", () => {
    const settings = schedulerSettingsSchema.parse({ desiredRetention: 0.88 });
    expect(createScheduler({ ...settings })).toBe(createScheduler(structuredClone(settings)));
    expect(createScheduler(settings)).not.toBe(createScheduler({ ...settings, enableFuzz: !settings.enableFuzz }));
  });
});
