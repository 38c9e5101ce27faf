import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { endOfStudyDay, studyDayKey } from "@/lib/srs/day";
import { studiableDeckWhere } from "./access";
import { loadNewCards, loadStudySettings, notHiddenAt } from "./data";
import { countNewCardsStartedToday } from "./new-cards-started";
import { countUpcomingDue } from "./due-load";
import { examNewCardAllowance, listDeckExams, pickUpcomingExams } from "@/lib/exams/data";
import { MAX_OFFLINE_CARDS, OFFLINE_DAYS, type OfflinePack } from "./offline-pack";
import { serializeCardState } from "./schema";
import { FSRS_STATE_SELECT, pickFsrsState } from "./state-row";
import { CARD_CONTENT_SELECT } from "./study-card";

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
  const deckScope: Prisma.CardWhereInput = { deck: studiableDeckWhere(userId), ...(options.deck ? { deckId: options.deck.id } : {}) };
  const exams = [...pickUpcomingExams(await listDeckExams(db, userId), now, settings).values()].filter((exam) => !options.deck || exam.deckId === options.deck.id);
  const examDecks = exams.map((exam) => exam.deckId);
  const [dueStates, newCards, newStarted, dueCounts, paced] = await Promise.all([
    db.cardState.findMany({
      where: { userId, state: { not: 0 }, due: { lt: horizon }, ...notHiddenAt(now), card: deckScope },
      orderBy: [{ due: "asc" }, { cardId: "asc" }],
      take: MAX_OFFLINE_CARDS,
      select: { ...FSRS_STATE_SELECT, card: { select: { ...CARD_CONTENT_SELECT, deckId: true } } },
    }),
    loadNewCards(db, userId, { ...deckScope, AND: [{ deckId: { notIn: examDecks } }] }, now, Math.min(settings.newCardsPerDay * OFFLINE_DAYS, MAX_OFFLINE_CARDS)),
    countNewCardsStartedToday(db, userId, now, settings, { deckId: { notIn: examDecks } }),
    countUpcomingDue(db, userId, now, settings),
    Promise.all(
      exams.map(async (exam) => {
        const pace = await examNewCardAllowance(db, userId, exam, now, settings);
        // Enough for the pace every day kept, plus today's catching up.
        const cards = await loadNewCards(db, userId, { ...deckScope, deckId: exam.deckId }, now, Math.min(pace.allowance + (pace.perDay ?? 0) * OFFLINE_DAYS, MAX_OFFLINE_CARDS));
        const inDeck = cards.map(({ card, state }) => ({ card: { ...card, deckId: exam.deckId }, state }));
        return { exam: { deckId: exam.deckId, plan: exam.plan, unseen: pace.unseen, started: { day: today, count: pace.startedToday } }, cards: inDeck };
      }),
    ),
  ]);
  const cards = [
    ...dueStates.map(({ card, ...state }) => ({ ...card, state: serializeCardState(pickFsrsState(state)) })),
    ...[...paced.flatMap((entry) => entry.cards), ...newCards].map(({ card, state }) => ({ ...card, state: state && serializeCardState(state) })),
  ].slice(0, MAX_OFFLINE_CARDS);
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
