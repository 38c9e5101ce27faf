import { describe, expect, it } from "vitest";
import { retryWording } from "@/lib/auth/retry-wording";

describe("retryWording", () => {
  it.each([
    [0.2, "in 1 second"],
    [1, "in 1 second"],
    [45, "in 45 seconds"],
    [59, "in 59 seconds"],
    [60, "in 1 minute"],
    [61, "in 2 minutes"],
    [150, "in 3 minutes"],
    [59 * 60, "in 59 minutes"],
    [3600, "in an hour"],
    [3601, "in a little over an hour"],
    [89 * 60, "in a little over an hour"],
    [90 * 60, "in about 2 hours"],
    [23 * 3600, "in about 23 hours"],
  ])("%s s -> %s", (seconds, words) => {
    expect(retryWording(seconds)).toBe(words);
  });

  it("never says seconds past a minute", () => {
    for (let seconds = 60; seconds <= 86_400; seconds += 7) expect(retryWording(seconds)).not.toMatch(/second/);
  });
});
