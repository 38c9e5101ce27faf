import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { examNewCardAllowance, listDeckExams, pickUpcomingExams } from "@/lib/exams/data";
import { classifyAvailability, countToday, tallyAvailability, type AvailabilityTally, type TodayCounts } from "@/lib/srs/availability";
import { endOfStudyDay } from "@/lib/srs/day";
import { loadStudySettings } from "../settings";
import { countNewCardsStartedToday } from "./new-cards-started";
import { STUDIABLE_DECK_SQL } from "./rows";

export type StudyDeckSummary = {
  id: string;
  name: string;
  description: string;
  cards: number;
  /** Review and learning cards due this study day, as the study queue counts them. */
  due: number;
  learning: number;
  /** New cards today's limit (or, for a deck with an upcoming exam, the exam's pace) still admits from this deck. */
  newAvailable: number;
  suspended: number;
  buried: number;
};

export type StudyDeckList = { decks: StudyDeckSummary[]; today: TodayCounts };

type Group = { deckId: string; state: number | null; suspended: boolean; buried: boolean; dueToday: boolean; count: number };

/**
 * Every deck the learner studies, by name, with what is due this study day and how many new cards today's
 * limit (or an upcoming exam's pace) still admits, and `today`, the same for all of them together (what /study
 * studies). One grouped query sorts every card by the facts lib/srs/availability classifies, so the page costs
 * the same for 3 decks or 300; plain SQL on pg (see lib/db/sql.ts).
 */
export async function listStudyDecks(db: Db, userId: string, now: Date): Promise<StudyDeckList> {
  const settings = await loadStudySettings(db, userId);
  const pool = poolOf(db);
  const decks = await sqlRows<{ id: string; name: string; description: string; cards: number }>(
    pool,
    `SELECT d.id, d.name, d.description, (SELECT count(*)::int FROM "Card" c WHERE c."deckId" = d.id) AS cards
     FROM "Deck" d WHERE ${STUDIABLE_DECK_SQL} ORDER BY d.name`,
    [userId],
  );
  if (decks.length === 0) return { decks: [], today: { review: 0, learning: 0, new: 0 } };
  const endOfDay = endOfStudyDay(now, settings);
  const groups = await sqlRows<Group>(
    pool,
    `SELECT c."deckId" AS "deckId", s.state AS state, COALESCE(s.suspended, false) AS suspended,
       COALESCE(s."buriedUntil" > $2, false) AS buried, COALESCE(s.due < $3, false) AS "dueToday",
       COUNT(*)::int AS count
     FROM "Card" c
     LEFT JOIN "CardState" s ON s."cardId" = c.id AND s."userId" = $1
     WHERE c."deckId" = ANY($4::text[])
     GROUP BY 1, 2, 3, 4, 5`,
    [userId, now, endOfDay, decks.map((deck) => deck.id)],
  );
  // A deck with an upcoming exam has its own pace; the daily limit is shared by the others.
  const exams = [...pickUpcomingExams(await listDeckExams(db, userId), now, settings).values()];
  const examAllowances = new Map(
    await Promise.all(exams.map(async (exam) => [exam.deckId, (await examNewCardAllowance(db, userId, exam, now, settings)).allowance] as const)),
  );
  const allowance = settings.newCardsPerDay - (await countNewCardsStartedToday(db, userId, now, settings, { excludedDeckIds: [...examAllowances.keys()] }));
  const classified = groups.map((group) => ({ deckId: group.deckId, availability: classifyAvailability(group), count: group.count }));
  const byDeck = new Map<string, AvailabilityTally>(decks.map((deck) => [deck.id, tallyAvailability(classified.filter((group) => group.deckId === deck.id))]));
  const summaries = decks.map((deck) => {
    const tally = byDeck.get(deck.id)!;
    const today = countToday(tally, examAllowances.get(deck.id) ?? allowance);
    return {
      id: deck.id,
      name: deck.name,
      description: deck.description,
      cards: deck.cards,
      due: today.review + today.learning,
      learning: today.learning,
      newAvailable: today.new,
      suspended: tally.suspended ?? 0,
      buried: tally.buried ?? 0,
    };
  });
  const withoutExam = classified.filter((group) => !examAllowances.has(group.deckId));
  const examNew = summaries.filter((deck) => examAllowances.has(deck.id)).reduce((sum, deck) => sum + deck.newAvailable, 0);
  const total = countToday(tallyAvailability(classified), 0);
  return {
    decks: summaries,
    today: { ...total, new: countToday(tallyAvailability(withoutExam), allowance).new + examNew },
  };
}
