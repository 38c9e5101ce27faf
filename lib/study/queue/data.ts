import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { endOfStudyDay } from "@/lib/srs/day";
import { buildStudyQueue, type QueueItem } from "@/lib/srs/queue";
import { examNewCardAllowance } from "@/lib/exams/data";
import { examMoment, predictRecall } from "@/lib/srs/exam";
import { loadStudySettings } from "../settings";
import { countUpcomingDue } from "./due-load";
import { countNewCardsStartedToday } from "./new-cards-started";
import { findNextDue, loadDueCards, loadNewCards } from "./rows";
import { loadStudyScope } from "./study-scope";
import type { StudyQueueJson } from "../schema";
import { toStudyCard } from "./study-card";

export function notHiddenAt(now: Date): Prisma.CardStateWhereInput {
  return { suspended: false, OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }] };
}

/**
 * What the learner should study now in one deck (or every deck they study): learning and review cards due
 * this study day plus today's share of new cards, ordered by lib/srs.
 * A deck with an upcoming exam gets its new cards at the exam's pace instead of the daily limit, and its reviews
 * predicted below the exam's target recall come first. Suspended and buried cards never appear.
 */
export async function loadStudyQueue(db: Db, userId: string, options: { deckId?: string; now: Date }): Promise<StudyQueueJson> {
  const { now } = options;
  const settings = await loadStudySettings(db, userId);
  const endOfDay = endOfStudyDay(now, settings);
  const { all: scope, daily, exams, examDeckIds } = await loadStudyScope(db, userId, options.deckId, now, settings);
  const startedToday = await countNewCardsStartedToday(db, userId, now, settings, { excludedDeckIds: examDeckIds });
  const newAllowance = Math.max(0, settings.newCardsPerDay - startedToday);

  const [dueStates, newBatches, laterDue, dueCounts] = await Promise.all([
    loadDueCards(db, scope, endOfDay, now),
    // One more than allowed tells the summary whether new cards are waiting for tomorrow.
    Promise.all([
      loadNewCards(db, daily, now, newAllowance + 1).then((cards) => ({ cards, allowance: newAllowance })),
      ...exams.map(async (exam) => {
        const { allowance } = await examNewCardAllowance(db, userId, exam, now, settings);
        return { cards: await loadNewCards(db, { userId, deckIds: [exam.deckId] }, now, allowance + 1), allowance };
      }),
    ]),
    findNextDue(db, scope, endOfDay),
    countUpcomingDue(db, userId, now, settings),
  ]);

  const examByDeck = new Map(exams.map((exam) => [exam.deckId, { target: exam.plan.targetRecall, at: examMoment(exam.plan, settings) }]));
  const belowTarget = new Set<string>();
  const content = new Map<string, { card: (typeof newBatches)[number]["cards"][number]["card"]; state: QueueItem["state"] }>();
  for (const { card, state } of dueStates) {
    const exam = examByDeck.get(card.deckId);
    if (exam && predictRecall(state, exam.at, settings) < exam.target) belowTarget.add(card.id);
    content.set(card.id, { card, state });
  }
  const newToday = newBatches.flatMap((batch) => batch.cards.slice(0, batch.allowance));
  for (const { card, state } of newToday) content.set(card.id, { card, state });
  const queue = buildStudyQueue({
    items: [...content.values()].map(({ card, state }) => ({ cardId: card.id, state, suspended: false, buriedUntil: null, position: card.position })),
    now,
    daySettings: settings,
    newCardsPerDay: newToday.length,
    newIntroducedToday: 0,
    firstCardIds: belowTarget,
  });

  const cards = queue.cardIds.map((cardId) => {
    const { card, state } = content.get(cardId)!;
    return toStudyCard(card, state);
  });
  const newWaiting = newBatches.some((batch) => batch.cards.length > batch.allowance);
  const nextDue = [laterDue ?? undefined, newWaiting ? endOfDay : undefined]
    .filter((due): due is Date => due !== undefined)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return { cards, counts: queue.counts, settings, nextDue: nextDue?.toISOString() ?? null, dueCounts };
}
