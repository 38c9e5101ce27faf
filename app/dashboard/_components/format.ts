import type { HiddenStatus } from "@/lib/progress/card-status";
const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const monthLabel = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

function keyToDate(key: string): Date {
  return new Date(`${key}T00:00:00Z`);
}

/** "5 Mar" for a study-day key; keys are calendar dates, so they are formatted in UTC to avoid shifting them. */
export function formatDayKey(key: string): string {
  return dayLabel.format(keyToDate(key));
}

/** "March 2024" for a study-day key. */
export function formatMonthOfKey(key: string): string {
  return monthLabel.format(keyToDate(key));
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "1 h 5 min", "12 min" or "40 s". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes === 0) return ms > 0 ? `${Math.round(ms / 1000)} s` : "0 min";
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

/** "5 Mar 2024, 10:20" in the learner's zone. */
export function formatInstant(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(instant);
}

/** Stability in days, to one decimal below ten days. */
export function formatStability(days: number): string {
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}

export const STATE_LABELS = ["New", "Learning", "Review", "Relearning"] as const;
export const RATING_LABELS = ["", "Again", "Hard", "Good", "Easy"] as const;

/** A card's state in words: "Suspended", "Buried until 5 Mar 2026, 04:00", or else its memory state. */
export function describeCardState(hidden: HiddenStatus, memoryLabel: string, timeZone: string): string {
  if (hidden?.kind === "suspended") return "Suspended";
  if (hidden?.kind === "buried") return `Buried until ${formatInstant(hidden.until, timeZone)}`;
  return memoryLabel;
}
