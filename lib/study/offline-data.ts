import "server-only";
import type { Db } from "@/lib/db/client";
import { endOfStudyDay, studyDayKey } from "@/lib/srs/day";
import { countNewCardsStartedToday, loadStudySettings } from "./data";
import { MAX_OFFLINE_CARDS, OFFLINE_DAYS, type OfflinePack } from "./offline-pack";
import { loadDueCards, loadNewCards } from "./queue-rows";
import { serializeCardState } from "./schema";

const DAY_MS = 86_400_000;

/**
 * What the learner may study over the next few days in one deck (or all their decks), with FSRS state, for the
 * device to keep: cards falling due before the horizon, earliest first, and the next new cards in deck order,
 * enough for the daily new-card limit every day. Suspended and buried cards are left out.
 */
export async function loadOfflinePack(db: Db, userId: string, options: { deck?: { id: string; name: string }; now: Date }): Promise<OfflinePack> {
  const { now } = options;
  const settings = await loadStudySettings(db, userId);
  const horizon = endOfStudyDay(new Date(now.getTime() + (OFFLINE_DAYS - 1) * DAY_MS), settings);
  const scope = { userId, deckId: options.deck?.id };
  const [dueStates, newCards, newStarted] = await Promise.all([
    loadDueCards(db, scope, horizon, now, MAX_OFFLINE_CARDS),
    loadNewCards(db, scope, now, Math.min(settings.newCardsPerDay * OFFLINE_DAYS, MAX_OFFLINE_CARDS)),
    countNewCardsStartedToday(db, userId, now, settings),
  ]);
  const cards = [...dueStates, ...newCards]
    .map(({ card: { deckId: _deck, ...card }, state }) => ({ ...card, state: state && serializeCardState(state) }))
    .slice(0, MAX_OFFLINE_CARDS);
  return { deckId: options.deck?.id ?? null, title: options.deck?.name ?? "All due cards", settings, newStarted: { day: studyDayKey(now, settings), count: newStarted }, cards };
}
