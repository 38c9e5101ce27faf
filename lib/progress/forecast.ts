import { studyDayKey } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";
import { shiftDayKey } from "./day-keys";
import type { MemoryRow } from "./rows";

export type ForecastDay = { day: string; due: number };

/** Studied cards falling due on each of the next `days` study days, today first; overdue cards count today. */
export function forecastDueCards(memories: readonly MemoryRow[], now: Date, daySettings: DaySettings, days: number): ForecastDay[] {
  const todayKey = studyDayKey(now, daySettings);
  const forecast = Array.from({ length: days }, (_, index) => ({ day: shiftDayKey(todayKey, index), due: 0 }));
  const indexByDay = new Map(forecast.map((entry, index) => [entry.day, index]));
  for (const memory of memories) {
    if (memory.state === 0 || memory.suspended) continue;
    const key = studyDayKey(memory.due, daySettings);
    const entry = forecast[key < todayKey ? 0 : (indexByDay.get(key) ?? -1)];
    if (entry) entry.due += 1;
  }
  return forecast;
}
