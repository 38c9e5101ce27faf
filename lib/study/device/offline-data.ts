import "server-only";
import type { Db } from "@/lib/db/client";
import { endOfStudyDay, studyDayKey } from "@/lib/srs/day";
import { examNewCardAllowance } from "@/lib/exams/data";

import { countUpcomingDue } from "../queue/due-load";
import { countNewCardsStartedToday } from "../queue/new-cards-started";
import { MAX_OFFLINE_CARDS, OFFLINE_DAYS, type OfflinePack } from "./offline-pack";
import { loadDueCards, loadNewCards } from "../queue/rows";
import { loadStudyScope } from "../queue/study-scope";
import { serializeCardState } from "../schema";
import { loadStudySettings } from "@/lib/study/settings";

const DAY_MS = 86_400_000;

/**
 * What the learner may study over the next few days in one deck (or all their decks), with FSRS state, for the
 * device to keep: cards falling due before the horizon, earliest first, and the next new cards in deck order,
 * enough for the daily new-card limit every day, or for an exam deck's pace (the online queue's rule). Suspended
 * and buried cards are left out.
 */
export async function loadOfflinePack(db: Db, userId: string, options: { deck?: { id: string; name: string }; now: Date }): Promise<OfflinePack> {
  const { now } = options;
  const settings = await loadStudySettings(db, userId);
  const today = studyDayKey(now, settings);
  const horizon = endOfStudyDay(new Date(now.getTime() + (OFFLINE_DAYS - 1) * DAY_MS), settings);
  const { all: scope, daily, exams, examDeckIds } = await loadStudyScope(db, userId, options.deck?.id, now, settings);
  const [dueStates, newCards, newStarted, dueCounts, paced] = await Promise.all([
    loadDueCards(db, scope, horizon, now, MAX_OFFLINE_CARDS),
    loadNewCards(db, daily, now, Math.min(settings.newCardsPerDay * OFFLINE_DAYS, MAX_OFFLINE_CARDS)),
    countNewCardsStartedToday(db, userId, now, settings, { excludedDeckIds: examDeckIds }),
    countUpcomingDue(db, userId, now, settings),
    Promise.all(
      exams.map(async (exam) => {
        const pace = await examNewCardAllowance(db, userId, exam, now, settings);
        // Enough for the pace every day kept, plus today's catching up.
        const cards = await loadNewCards(
          db,
          { userId, deckIds: [exam.deckId] },
          now,
          Math.min(pace.allowance + (pace.perDay ?? 0) * OFFLINE_DAYS, MAX_OFFLINE_CARDS),
        );
        return { exam: { deckId: exam.deckId, plan: exam.plan, unseen: pace.unseen, started: { day: today, count: pace.startedToday } }, cards };
      }),
    ),
  ]);
  // Every card keeps its deck: the device charges a new card of an exam deck to that exam's pace.
  const cards = [...dueStates, ...paced.flatMap((entry) => entry.cards), ...newCards]
    .map(({ card, state }) => ({ ...card, state: state && serializeCardState(state) }))
    .slice(0, MAX_OFFLINE_CARDS);
  return {
    deckId: options.deck?.id ?? null,
    title: options.deck?.name ?? "All due cards",
    settings,
    newStarted: { day: today, count: newStarted },
    exams: paced.map((entry) => entry.exam),
    cards,
    dueCounts,
  };
}
