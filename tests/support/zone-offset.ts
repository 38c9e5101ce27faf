import { readWallClock } from "@/lib/srs/time-zone";

/** The zone's UTC offset in minutes at `ms`, as fsrs-rs asks for it when it counts a learner's days. */
export function offsetMinutes(ms: number, timeZone: string): number {
  const clock = readWallClock(new Date(ms), timeZone);
  const wallMs = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((wallMs - Math.floor(ms / 1000) * 1000) / 60_000);
}
