import "server-only";
import type { Db } from "@/lib/db/client";
import { listDeckExams, pickUpcomingExams, type DeckExam } from "@/lib/exams/data";
import type { DaySettings } from "@/lib/srs/settings";
import { studiableDeckIds, type DeckScope } from "./rows";

/**
 * What a study queue or offline pack reads: `all` the decks in scope (one deck, or every deck the learner may
 * study), the upcoming `exams` among them, and the `daily` decks, whose new cards come at the daily limit; an exam
 * deck's come at its exam's pace instead.
 */
export async function loadStudyScope(db: Db, userId: string, deckId: string | undefined, now: Date, daySettings: DaySettings) {
  const deckIds = await studiableDeckIds(db, userId, deckId);
  const exams: DeckExam[] = [...pickUpcomingExams(await listDeckExams(db, userId), now, daySettings).values()].filter((exam) => deckIds.includes(exam.deckId));
  const examDeckIds = exams.map((exam) => exam.deckId);
  const all: DeckScope = { userId, deckIds };
  const daily: DeckScope = { userId, deckIds: deckIds.filter((id) => !examDeckIds.includes(id)) };
  return { all, daily, exams, examDeckIds };
}
