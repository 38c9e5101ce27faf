import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseStudySettingsForm } from "@/lib/users/settings-form";
import { settingsForm } from "../../support/settings-form";

describe("the study settings form", () => {
  it("reads the fields into typed settings in canonical form", () => {
    const parsed = parseStudySettingsForm(settingsForm({ timeZone: "europe/warsaw", learningSteps: "1m, 10m,  1h" }));
    expect(parsed.success && parsed.data).toEqual({
      desiredRetention: 0.85,
      newCardsPerDay: 15,
      maximumInterval: 3650,
      learningSteps: ["1m", "10m", "1h"],
      relearningSteps: ["10m"],
      enableFuzz: true,
      timeZone: "Europe/Warsaw",
      dayStartHour: 5,
      leechThreshold: 8,
      suspendLeeches: false,
      easyDays: [],
    });
  });

  it("refuses bad values with a message a person can act on, under each field", () => {
    const parsed = parseStudySettingsForm(
      settingsForm({ desiredRetention: "1.5", newCardsPerDay: "-1", timeZone: "Mars/Olympus_Mons", dayStartHour: "", maximumInterval: "ten" }),
    );
    expect(parsed.success).toBe(false);
    expect(parsed.error && z.flattenError(parsed.error).fieldErrors).toEqual({
      desiredRetention: ["Use at most 0.99."],
      newCardsPerDay: ["Use 0 or more."],
      maximumInterval: ["Enter a number."],
      timeZone: ["Choose a time zone such as Europe/Brussels."],
      dayStartHour: ["Enter a number."],
    });
  });

  it("refuses the whole form over one bad field, so the action saves none of the good ones", () => {
    const parsed = parseStudySettingsForm(settingsForm({ newCardsPerDay: "-1" }));
    expect(parsed.success).toBe(false);
    expect(parsed.error && z.flattenError(parsed.error).fieldErrors).toEqual({ newCardsPerDay: ["Use 0 or more."] });
  });
});
