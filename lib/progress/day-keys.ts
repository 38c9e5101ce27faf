/**
 * Arithmetic on study-day keys ("YYYY-MM-DD", from lib/srs studyDayKey). Keys name calendar dates, so stepping
 * them in UTC is exact: no DST change can make a day vanish or repeat.
 */
const DAY_MS = 86_400_000;

function keyToUtcMs(key: string): number {
  const [year, month, day] = key.split("-").map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
}

function utcMsToKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The key `days` after `key` (negative goes back). */
export function shiftDayKey(key: string, days: number): string {
  return utcMsToKey(keyToUtcMs(key) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function countDaysBetween(from: string, to: string): number {
  return Math.round((keyToUtcMs(to) - keyToUtcMs(from)) / DAY_MS);
}

/** The `count` keys ending with `lastKey`, oldest first. */
export function listDayKeys(lastKey: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => shiftDayKey(lastKey, index - count + 1));
}

/** The Monday that starts the week containing `key`. */
export function startOfWeekKey(key: string): string {
  const weekday = new Date(keyToUtcMs(key)).getUTCDay();
  return shiftDayKey(key, -((weekday + 6) % 7));
}
