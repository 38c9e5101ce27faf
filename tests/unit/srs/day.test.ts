import { describe, expect, it } from "vitest";
import { endOfStudyDay, isDueToday, startOfStudyDay, studyDayKey } from "@/lib/srs/day";

const newYork = { timeZone: "America/New_York", dayStartHour: 4 };
const kolkata = { timeZone: "Asia/Kolkata", dayStartHour: 4 };
const utc = (iso: string) => new Date(`${iso}Z`);

describe("study day in Asia/Kolkata (UTC+5:30) starting at 04:00", () => {
  it("puts 03:59 local in the previous study day and 04:00 in the new one", () => {
    // 03:59 IST on 15 June is 22:29 UTC on 14 June.
    expect(studyDayKey(utc("2024-06-14T22:29:00"), kolkata)).toBe("2024-06-14");
    expect(studyDayKey(utc("2024-06-14T22:30:00"), kolkata)).toBe("2024-06-15");
    expect(startOfStudyDay(utc("2024-06-14T22:29:00"), kolkata)).toEqual(utc("2024-06-13T22:30:00"));
    expect(startOfStudyDay(utc("2024-06-14T22:30:00"), kolkata)).toEqual(utc("2024-06-14T22:30:00"));
  });

  it("keys by the local date even when the UTC date differs", () => {
    // 18:45 UTC on 31 Dec is 00:15 IST on 1 Jan, still before the 04:00 start, so it belongs to 31 Dec.
    expect(studyDayKey(utc("2024-12-31T18:45:00"), kolkata)).toBe("2024-12-31");
    // 23:00 UTC on 31 Dec is 04:30 IST on 1 Jan.
    expect(studyDayKey(utc("2024-12-31T23:00:00"), kolkata)).toBe("2025-01-01");
  });

  it("uses midnight when the day starts at hour 0", () => {
    const midnight = { timeZone: "Asia/Kolkata", dayStartHour: 0 };
    expect(studyDayKey(utc("2024-06-14T18:29:00"), midnight)).toBe("2024-06-14");
    expect(studyDayKey(utc("2024-06-14T18:30:00"), midnight)).toBe("2024-06-15");
    expect(endOfStudyDay(utc("2024-06-14T12:00:00"), midnight)).toEqual(utc("2024-06-14T18:30:00"));
  });
});

describe("study day in America/New_York across DST", () => {
  it("is 24 hours long on an ordinary day", () => {
    // 10:00 EST on 15 Jan; EST is UTC-5.
    const now = utc("2024-01-15T15:00:00");
    expect(startOfStudyDay(now, newYork)).toEqual(utc("2024-01-15T09:00:00"));
    expect(endOfStudyDay(now, newYork)).toEqual(utc("2024-01-16T09:00:00"));
  });

  it("is 23 hours long when the clocks spring forward (10 March 2024, 02:00 EST -> 03:00 EDT)", () => {
    const now = utc("2024-03-09T17:00:00");
    expect(startOfStudyDay(now, newYork)).toEqual(utc("2024-03-09T09:00:00"));
    expect(endOfStudyDay(now, newYork)).toEqual(utc("2024-03-10T08:00:00"));
    expect(studyDayKey(utc("2024-03-10T07:59:00"), newYork)).toBe("2024-03-09");
    expect(studyDayKey(utc("2024-03-10T08:00:00"), newYork)).toBe("2024-03-10");
  });

  it("is 25 hours long when the clocks fall back (3 November 2024, 02:00 EDT -> 01:00 EST)", () => {
    const now = utc("2024-11-02T16:00:00");
    expect(startOfStudyDay(now, newYork)).toEqual(utc("2024-11-02T08:00:00"));
    expect(endOfStudyDay(now, newYork)).toEqual(utc("2024-11-03T09:00:00"));
    expect(studyDayKey(utc("2024-11-03T08:59:00"), newYork)).toBe("2024-11-02");
  });

  it("starts right after the jump when the start hour is skipped", () => {
    const twoAm = { timeZone: "America/New_York", dayStartHour: 2 };
    // 02:00 does not exist on 10 March; the day starts at 03:00 EDT = 07:00 UTC.
    expect(startOfStudyDay(utc("2024-03-10T12:00:00"), twoAm)).toEqual(utc("2024-03-10T07:00:00"));
    // 01:59 EST is still the previous study day.
    expect(studyDayKey(utc("2024-03-10T06:59:00"), twoAm)).toBe("2024-03-09");
    expect(studyDayKey(utc("2024-03-10T07:00:00"), twoAm)).toBe("2024-03-10");
  });

  it("starts at the first occurrence when the start hour repeats", () => {
    const oneAm = { timeZone: "America/New_York", dayStartHour: 1 };
    // 01:00 happens at 05:00 UTC (EDT) and again at 06:00 UTC (EST).
    expect(startOfStudyDay(utc("2024-11-03T12:00:00"), oneAm)).toEqual(utc("2024-11-03T05:00:00"));
    expect(studyDayKey(utc("2024-11-03T04:59:00"), oneAm)).toBe("2024-11-02");
    expect(studyDayKey(utc("2024-11-03T05:30:00"), oneAm)).toBe("2024-11-03");
  });
});

describe("isDueToday", () => {
  const now = utc("2024-01-15T15:00:00");

  it("includes anything due before the next study day starts", () => {
    expect(isDueToday(utc("2024-01-01T00:00:00"), now, newYork)).toBe(true);
    expect(isDueToday(utc("2024-01-16T08:59:59"), now, newYork)).toBe(true);
    expect(isDueToday(utc("2024-01-16T09:00:00"), now, newYork)).toBe(false);
  });

  it("depends on the learner's zone, not the server's", () => {
    const due = utc("2024-01-15T23:00:00");
    // New York's study day runs to 09:00 UTC tomorrow; Kolkata's ended at 22:30 UTC today.
    expect(isDueToday(due, now, newYork)).toBe(true);
    expect(isDueToday(due, now, kolkata)).toBe(false);
  });
});
