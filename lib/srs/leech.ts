import type { StoredCardState } from "@/lib/srs/card-state";
import type { LeechSettings } from "@/lib/srs/settings";

/** Whether this review's lapse made the card a leech: it reached the learner's threshold just now. */
export function becameLeech(before: StoredCardState | null, after: StoredCardState, settings: LeechSettings): boolean {
  return (before?.lapses ?? 0) < settings.leechThreshold && after.lapses >= settings.leechThreshold;
}

/** What the study screen says when a card becomes a leech. */
export function describeLeech(settings: LeechSettings): string {
  const times = `${settings.leechThreshold} ${settings.leechThreshold === 1 ? "time" : "times"}`;
  return settings.suspendLeeches
    ? `This card is now a leech: you have forgotten it ${times}, so it is suspended. Rewrite it, or unsuspend it from your leeches.`
    : `This card is now a leech: you have forgotten it ${times}. Consider rewriting it; your leeches are listed on their own page.`;
}
