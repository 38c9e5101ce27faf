import { describe, expect, it } from "vitest";
import { readWallClock, type WallClock } from "@/lib/srs/time-zone";

// Zones with whole-hour, half-hour (Lord Howe) and 45-minute (Chatham) shifts, a skipped date (Apia, 2011), and none.
const ZONES = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Apia", "America/St_Johns", "Asia/Kathmandu", "UTC"];
const FROM = Date.UTC(2010, 0, 1);
const TO = Date.UTC(2027, 0, 1);
const DAY_MS = 86_400_000;

const oracles = new Map<string, Intl.DateTimeFormat>();

function oracleFor(timeZone: string): Intl.DateTimeFormat {
  const options = {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  } as const;
  if (!oracles.has(timeZone)) oracles.set(timeZone, new Intl.DateTimeFormat("en-US", options));
  return oracles.get(timeZone)!;
}

/** The oracle: Intl asked directly, every time. */
function intlWallClock(instant: Date, timeZone: string): WallClock {
  const parts = oracleFor(timeZone).formatToParts(instant);
  const read = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: read("year"), month: read("month"), day: read("day"), hour: read("hour"), minute: read("minute"), second: read("second") };
}

const offsetOf = (ms: number, zone: string) => {
  const c = intlWallClock(new Date(ms), zone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(ms / 1000) * 1000;
};

/** Every instant in [FROM, TO) at which the zone's offset changes, to the second. */
function offsetChanges(zone: string): number[] {
  const changes: number[] = [];
  for (let day = FROM; day < TO; day += DAY_MS) {
    if (offsetOf(day, zone) === offsetOf(day + DAY_MS, zone)) continue;
    let [low, high] = [day, day + DAY_MS];
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (offsetOf(middle, zone) === offsetOf(day, zone)) low = middle;
      else high = middle;
    }
    changes.push(high);
  }
  return changes;
}

describe("readWallClock", () => {
  it.each(ZONES)("reads what Intl reads in %s around every offset change from 2010 to 2026", (zone) => {
    const changes = offsetChanges(zone);
    if (zone !== "UTC" && zone !== "Asia/Kathmandu") expect(changes.length).toBeGreaterThan(10);
    for (const change of changes) {
      for (const delta of [-3_600_000, -1001, -1000, -1, 0, 1, 999, 1000, 1_800_000, 3_599_999]) {
        const instant = new Date(change + delta);
        expect(readWallClock(instant, zone), `${zone} at ${instant.toISOString()}`).toEqual(intlWallClock(instant, zone));
      }
    }
  });

  it.each(ZONES)("reads what Intl reads in %s at instants spread over 17 years, in any order", (zone) => {
    // A step that is no whole number of hours or minutes lands at every position within an hour.
    for (let ms = TO; ms > FROM; ms -= 7 * 3_600_000 + 13 * 60_000 + 17_123) {
      const instant = new Date(ms);
      expect(readWallClock(instant, zone), `${zone} at ${instant.toISOString()}`).toEqual(intlWallClock(instant, zone));
    }
  });
});
