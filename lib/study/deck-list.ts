import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { classifyAvailability, countToday, tallyAvailability, type AvailabilityTally, type TodayCounts } from "@/lib/srs/availability";
import { endOfStudyDay } from "@/lib/srs/day";
import { studiableDeckWhere } from "./access";
import { countNewCardsStartedToday, loadStudySettings } from "./data";

export type StudyDeckSummary = {
  id: string;
  name: string;
  description: string;
  cards: number;
  /** Review and learning cards due this study day, as the study queue counts them. */
  due: number;
  learning: number;
  /** New cards today's limit still admits from this deck. */
  newAvailable: number;
  suspended: number;
  buried: number;
};

export type StudyDeckList = { decks: StudyDeckSummary[]; today: TodayCounts };

type Group = { deckId: string; state: number | null; suspended: boolean; buried: boolean; dueToday: boolean; count: number };

/**
 * Every deck the learner studies, by name, with what is due this study day and how many new cards today's
 * limit still admits, and `today`, the same for all of them together (what /study studies). One grouped query
 * sorts every card by the facts lib/srs/availability classifies, so the page costs the same for 3 decks or 300.
 */
export async function listStudyDecks(db: Db, userId: string, now: Date): Promise<StudyDeckList> {
  const settings = await loadStudySettings(db, userId);
  const decks = await db.deck.findMany({
    where: studiableDeckWhere(userId),
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, _count: { select: { cards: true } } },
  });
  if (decks.length === 0) return { decks: [], today: { review: 0, learning: 0, new: 0 } };
  const endOfDay = endOfStudyDay(now, settings);
  const groups = await db.$queryRaw<Group[]>`
    SELECT c."deckId" AS "deckId", s.state AS state, COALESCE(s.suspended, false) AS suspended,
      COALESCE(s."buriedUntil" > ${now}, false) AS buried, COALESCE(s.due < ${endOfDay}, false) AS "dueToday",
      COUNT(*)::int AS count
    FROM "Card" c
    LEFT JOIN "CardState" s ON s."cardId" = c.id AND s."userId" = ${userId}
    WHERE c."deckId" IN (${Prisma.join(decks.map((deck) => deck.id))})
    GROUP BY 1, 2, 3, 4, 5`;
  const allowance = settings.newCardsPerDay - (await countNewCardsStartedToday(db, userId, now, settings));
  const classified = groups.map((group) => ({ deckId: group.deckId, availability: classifyAvailability(group), count: group.count }));
  const byDeck = new Map<string, AvailabilityTally>(decks.map((deck) => [deck.id, tallyAvailability(classified.filter((group) => group.deckId === deck.id))]));
  return {
    decks: decks.map((deck) => {
      const tally = byDeck.get(deck.id)!;
      const today = countToday(tally, allowance);
      return {
        id: deck.id,
        name: deck.name,
        description: deck.description,
        cards: deck._count.cards,
        due: today.review + today.learning,
        learning: today.learning,
        newAvailable: today.new,
        suspended: tally.suspended ?? 0,
        buried: tally.buried ?? 0,
      };
    }),
    today: countToday(tallyAvailability(classified), allowance),
  };
}
