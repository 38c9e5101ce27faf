const DAY_MS = 86_400_000;

/** A local calendar date in some time zone; `month` is 1-12. */
export type CalendarDate = { year: number; month: number; day: number };

/** A local wall-clock reading in some time zone; `month` is 1-12, `hour` is 0-23. */
export type WallClock = CalendarDate & { hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `value` names an IANA time zone this runtime knows (fixed offsets like "+05:30" are refused). */
export function isIanaTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    getFormatter(value);
    return true;
  } catch {
    return false;
  }
}

const MAX_SPELLINGS = 1000;
const canonicalZones = new Map<string, string>();

/**
 * The zone's canonical spelling, e.g. "america/new_york" becomes "America/New_York". Remembered per spelling:
 * every grade parses the learner's settings, and resolvedOptions() builds a fresh object each call.
 */
export function canonicalizeTimeZone(timeZone: string): string {
  let canonical = canonicalZones.get(timeZone);
  if (canonical === undefined) {
    canonical = getFormatter(timeZone).resolvedOptions().timeZone;
    // Spellings come from input too ("europe/PARIS"); a bound keeps a stream of them from growing the map.
    if (canonicalZones.size >= MAX_SPELLINGS) canonicalZones.clear();
    canonicalZones.set(timeZone, canonical);
  }
  return canonical;
}

function formatWallClock(instant: Date, timeZone: string): WallClock {
  const parts = getFormatter(timeZone).formatToParts(instant);
  const read = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: read("year"),
    month: read("month"),
    day: read("day"),
    hour: read("hour"),
    minute: read("minute"),
    second: read("second"),
  };
}

function wallClockAsUtcMs(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

function formatOffsetMs(epochMs: number, timeZone: string): number {
  // The formatter drops milliseconds, so compare against the whole second.
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  return wallClockAsUtcMs(formatWallClock(new Date(wholeSecondMs), timeZone)) - wholeSecondMs;
}

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 200_000;
/** Per zone, the UTC offset of each hour asked about, or null for an hour in which the offset changes. */
const steadyOffsets = new Map<string, Map<number, number | null>>();

/**
 * Intl's formatToParts costs microseconds a call, and a dashboard or a due queue asks about every review and
 * card. No zone changes its offset twice within an hour, so an hour whose first and last second share an offset
 * keeps it throughout and is remembered; an hour with a change is read from Intl at each instant.
 */
function offsetMsAt(epochMs: number, timeZone: string): number {
  let hours = steadyOffsets.get(timeZone);
  if (!hours) steadyOffsets.set(timeZone, (hours = new Map()));
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = formatOffsetMs(hour * HOUR_MS, timeZone);
    offset = first === formatOffsetMs((hour + 1) * HOUR_MS - 1000, timeZone) ? first : null;
    if (hours.size >= MAX_CACHED_HOURS) hours.clear();
    hours.set(hour, offset);
  }
  return offset ?? formatOffsetMs(epochMs, timeZone);
}

/** What a wall clock in `timeZone` reads at `instant`. */
export function readWallClock(instant: Date, timeZone: string): WallClock {
  const wall = new Date(instant.getTime() + offsetMsAt(instant.getTime(), timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/**
 * The instant a wall clock in `timeZone` reads `date` at `hour`:00. A time skipped by a DST jump
 * resolves to the instant right after the jump; a time that happens twice resolves to the first.
 */
export function findInstantOfWallClock(date: CalendarDate, hour: number, timeZone: string): Date {
  const wallMs = Date.UTC(date.year, date.month - 1, date.day, hour);
  // Real zones change offset at most once within a day, so the offsets a day either side cover every reading.
  const offsetBefore = offsetMsAt(wallMs - DAY_MS, timeZone);
  const offsetAfter = offsetMsAt(wallMs + DAY_MS, timeZone);
  const matches = [wallMs - offsetBefore, wallMs - offsetAfter].filter((epochMs) => epochMs + offsetMsAt(epochMs, timeZone) === wallMs);
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In a gap, reading the time with the pre-jump offset lands just past the jump.
  return new Date(wallMs - offsetBefore);
}

/** The calendar date `days` after `date` (negative goes back). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
