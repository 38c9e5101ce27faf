import { describe, expect, it } from "vitest";
import { formatInterval } from "@/lib/srs/format-interval";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
const MONTH = YEAR / 12;

describe("formatInterval", () => {
  it.each([
    [0, "0s"],
    [45_000, "45s"],
    [MINUTE, "1m"],
    [10 * MINUTE, "10m"],
    [59 * MINUTE, "59m"],
    [HOUR, "1h"],
    [5 * HOUR, "5h"],
    [DAY, "1d"],
    [12 * DAY, "12d"],
    [MONTH, "1mo"],
    [3.2 * MONTH, "3.2mo"],
    [YEAR, "1y"],
    [1.1 * YEAR, "1.1y"],
    [-5 * MINUTE, "0s"],
  ])("%d ms -> %s", (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});
