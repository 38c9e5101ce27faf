import "server-only";
import type { Db } from "@/lib/db/client";
import { listDeckExams, pickUpcomingExams } from "@/lib/exams/data";
import { examMoment, examPhase, predictRecall } from "@/lib/srs/exam";
import { notHiddenAt } from "./data";
import { loadStudySettings } from "../settings";
import { countUpcomingDue } from "./due-load";
import type { StudyQueueJson } from "../schema";
import { countQueue } from "../device/session";
import { FSRS_STATE_SELECT, pickFsrsState } from "../reviews/state-row";
import { CARD_CONTENT_SELECT, toStudyCard } from "./study-card";

/**
 * The final-days pass of a deck's exam: every studied card predicted below the target recall on exam day, due or
 * not, least likely recalled first. Null outside the final days. The grades are ordinary reviews at the real
 * time, so FSRS sees the real elapsed days and the log shows them as early.
 */
export async function loadExamPassQueue(db: Db, userId: string, deckId: string, now: Date): Promise<StudyQueueJson | null> {
  const settings = await loadStudySettings(db, userId);
  const exam = pickUpcomingExams(await listDeckExams(db, userId), now, settings).get(deckId);
  if (!exam || examPhase(exam.plan, now, settings) !== "final") return null;
  const at = examMoment(exam.plan, settings);
  const [rows, dueCounts] = await Promise.all([
    db.cardState.findMany({
      where: { userId, state: { not: 0 }, ...notHiddenAt(now), card: { deckId } },
      select: { ...FSRS_STATE_SELECT, card: { select: CARD_CONTENT_SELECT } },
    }),
    countUpcomingDue(db, userId, now, settings),
  ]);
  const weak = rows
    .map(({ card, ...row }) => ({ card, state: pickFsrsState(row), recall: predictRecall(pickFsrsState(row), at, settings) }))
    .filter((entry) => entry.recall < exam.plan.targetRecall)
    .sort((a, b) => a.recall - b.recall || (a.card.id < b.card.id ? -1 : 1));
  const cards = weak.map(({ card, state }) => toStudyCard(card, state));
  return { cards, counts: countQueue(cards), settings, nextDue: null, dueCounts };
}
