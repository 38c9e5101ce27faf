import { describe, expect, it } from "vitest";
import { daySettingsSchema, schedulerSettingsSchema, studySettingsSchema } from "@/lib/srs/settings";

describe("study settings", () => {
  it("fills every default from an empty object", () => {
    expect(studySettingsSchema.parse({})).toEqual({
      desiredRetention: 0.9,
      maximumInterval: 36500,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      enableFuzz: true,
      fsrsParameters: [],
      timeZone: "UTC",
      dayStartHour: 4,
      newCardsPerDay: 20,
      leechThreshold: 8,
      suspendLeeches: true,
      easyDays: [],
    });
  });

  it("hands out fresh default arrays", () => {
    const first = schedulerSettingsSchema.parse({});
    first.learningSteps.push("1d");
    expect(schedulerSettingsSchema.parse({}).learningSteps).toEqual(["1m", "10m"]);
  });

  it("accepts real IANA zones and stores their canonical spelling", () => {
    expect(daySettingsSchema.parse({ timeZone: "Europe/Brussels" }).timeZone).toBe("Europe/Brussels");
    expect(daySettingsSchema.parse({ timeZone: "america/new_york" }).timeZone).toBe("America/New_York");
    expect(daySettingsSchema.parse({ timeZone: "UTC" }).timeZone).toBe("UTC");
  });

  it("refuses made-up zones and bare offsets", () => {
    for (const timeZone of ["Mars/Olympus_Mons", "+05:30", "", "Europe/", "Europe/Brussels; DROP"]) {
      expect(daySettingsSchema.safeParse({ timeZone }).success, timeZone).toBe(false);
    }
  });

  it("bounds the day-start hour and the daily new-card limit", () => {
    expect(daySettingsSchema.safeParse({ dayStartHour: 23 }).success).toBe(true);
    expect(daySettingsSchema.safeParse({ dayStartHour: 24 }).success).toBe(false);
    expect(daySettingsSchema.safeParse({ dayStartHour: 3.5 }).success).toBe(false);
    expect(studySettingsSchema.safeParse({ newCardsPerDay: 0 }).success).toBe(true);
    expect(studySettingsSchema.safeParse({ newCardsPerDay: 9999 }).success).toBe(true);
    expect(studySettingsSchema.safeParse({ newCardsPerDay: 10000 }).success).toBe(false);
    expect(studySettingsSchema.safeParse({ newCardsPerDay: -1 }).success).toBe(false);
  });

  it("accepts only whole-number steps in minutes, hours or days", () => {
    expect(schedulerSettingsSchema.parse({ learningSteps: [" 15m", "2h", "1d"] }).learningSteps).toEqual(["15m", "2h", "1d"]);
    expect(schedulerSettingsSchema.parse({ relearningSteps: [] }).relearningSteps).toEqual([]);
    for (const step of ["1.5m", "10", "10s", "0m", "m", "-1m"]) {
      expect(schedulerSettingsSchema.safeParse({ learningSteps: [step] }).success, step).toBe(false);
    }
  });

  it("takes either no FSRS weights or all 21", () => {
    expect(schedulerSettingsSchema.safeParse({ fsrsParameters: new Array(21).fill(0.5) }).success).toBe(true);
    expect(schedulerSettingsSchema.safeParse({ fsrsParameters: new Array(19).fill(0.5) }).success).toBe(false);
    const withNaN = [...new Array(20).fill(0.5), Number.NaN];
    expect(schedulerSettingsSchema.safeParse({ fsrsParameters: withNaN }).success).toBe(false);
  });

  it("keeps desired retention in a sensible range", () => {
    expect(schedulerSettingsSchema.safeParse({ desiredRetention: 0.97 }).success).toBe(true);
    expect(schedulerSettingsSchema.safeParse({ desiredRetention: 1 }).success).toBe(false);
    expect(schedulerSettingsSchema.safeParse({ desiredRetention: 0.5 }).success).toBe(false);
    expect(schedulerSettingsSchema.safeParse({ maximumInterval: 0 }).success).toBe(false);
  });
});
