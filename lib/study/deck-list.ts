import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { examNewCardAllowance, listDeckExams, pickUpcomingExams } from "@/lib/exams/data";
import { endOfStudyDay } from "@/lib/srs/day";
import { studiableDeckWhere } from "./access";
import { countNewCardsStartedToday, loadStudySettings } from "./data";

export type StudyDeckSummary = { id: string; name: string; description: string; cards: number; due: number; newAvailable: number };

/**
 * Every deck the learner studies, by name, with what is due this study day and how many new cards today's
 * limit (or, for a deck with an upcoming exam, the exam's pace) still admits. One grouped query counts all decks, so the page costs the same for 3 decks or 300.
 */
export async function listStudyDecks(db: Db, userId: string, now: Date): Promise<StudyDeckSummary[]> {
  const settings = await loadStudySettings(db, userId);
  const decks = await db.deck.findMany({
    where: studiableDeckWhere(userId),
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, _count: { select: { cards: true } } },
  });
  if (decks.length === 0) return [];
  const endOfDay = endOfStudyDay(now, settings);
  const visible = Prisma.sql`NOT s.suspended AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now})`;
  const counts = await db.$queryRaw<{ deckId: string; due: number; unseen: number }[]>`
    SELECT c."deckId" AS "deckId",
      COUNT(*) FILTER (WHERE s.state <> 0 AND s.due < ${endOfDay} AND ${visible})::int AS due,
      COUNT(*) FILTER (WHERE s."cardId" IS NULL OR (s.state = 0 AND ${visible}))::int AS unseen
    FROM "Card" c
    LEFT JOIN "CardState" s ON s."cardId" = c.id AND s."userId" = ${userId}
    WHERE c."deckId" IN (${Prisma.join(decks.map((deck) => deck.id))})
    GROUP BY c."deckId"`;
  const exams = [...pickUpcomingExams(await listDeckExams(db, userId), now, settings).values()];
  const examDeckIds = exams.map((exam) => exam.deckId);
  const allowance = Math.max(0, settings.newCardsPerDay - (await countNewCardsStartedToday(db, userId, now, settings, { deckId: { notIn: examDeckIds } })));
  const examAllowances = new Map(
    await Promise.all(exams.map(async (exam) => [exam.deckId, (await examNewCardAllowance(db, userId, exam, now, settings)).allowance] as const)),
  );
  const byDeck = new Map(counts.map((row) => [row.deckId, row]));
  return decks.map((deck) => ({
    id: deck.id,
    name: deck.name,
    description: deck.description,
    cards: deck._count.cards,
    due: byDeck.get(deck.id)?.due ?? 0,
    newAvailable: Math.min(examAllowances.get(deck.id) ?? allowance, byDeck.get(deck.id)?.unseen ?? 0),
  }));
}
