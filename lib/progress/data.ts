import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import type { Prisma } from "@/lib/db/generated/client";
import { studiableDeckWhere } from "@/lib/study/access";
import { STUDIABLE_DECK_SQL } from "@/lib/study/queue/rows";
import { FSRS_STATE_SELECT } from "@/lib/study/reviews/state-row";
import type { ProgressRows } from "./dashboard";

const storedStateSelect = { cardId: true, ...FSRS_STATE_SELECT, suspended: true, buriedUntil: true } as const;

/**
 * Everything the dashboard counts for one learner. Its decks are the visible ones they own, are assigned or have
 * studied; public decks they never opened would otherwise swamp "new" with cards they never chose. Plain SQL on
 * pg: Prisma's per-row mapping of every review the learner ever made was most of the page's CPU (see
 * lib/db/sql.ts).
 */
export async function loadProgressRows(db: Db, userId: string): Promise<ProgressRows | null> {
  const pool = poolOf(db);
  const [user] = await sqlRows<ProgressRows["daySettings"]>(pool, `SELECT "timeZone", "dayStartHour" FROM "User" WHERE id = $1`, [userId]);
  if (!user) return null;
  const decks = await sqlRows<ProgressRows["decks"][number]>(
    pool,
    `SELECT d.id, d.name FROM "Deck" d
     WHERE ${STUDIABLE_DECK_SQL}
       AND (d."ownerId" = $1
         OR EXISTS (SELECT 1 FROM "Assignment" a JOIN "ClassMember" m ON m."classId" = a."classId" WHERE a."deckId" = d.id AND m."userId" = $1)
         OR EXISTS (SELECT 1 FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" WHERE c."deckId" = d.id AND s."userId" = $1))
     ORDER BY d.name`,
    [userId],
  );
  const deckIds = decks.map((deck) => deck.id);
  const [cards, memories, reviews] = await Promise.all([
    sqlRows<ProgressRows["cards"][number]>(pool, `SELECT id AS "cardId", "deckId", tags FROM "Card" WHERE "deckId" = ANY($1::text[])`, [deckIds]),
    // Memories of cards outside these decks (a retired card, a deck no longer assigned) would swell the forecast.
    sqlRows<ProgressRows["memories"][number]>(
      pool,
      `SELECT s."cardId", s.state, s.due, s.stability, s."scheduledDays", s.suspended
       FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" WHERE s."userId" = $1 AND c."deckId" = ANY($2::text[])`,
      [userId, deckIds],
    ),
    sqlRows<ProgressRows["reviews"][number]>(
      pool,
      `SELECT "cardId", rating, state, "reviewedAt", "durationMs" FROM "ReviewLog" WHERE "userId" = $1 ORDER BY "reviewedAt"`,
      [userId],
    ),
  ]);
  return { daySettings: user, decks, cards, memories, reviews };
}

/** Cards per page of a deck's details: a 500-card deck is one long scroll otherwise. */
export const DECK_PAGE_SIZE = 30;

const hiddenAt = (now: Date): Prisma.CardStateWhereInput => ({ OR: [{ suspended: true }, { buriedUntil: { gt: now } }] });

/**
 * One visible deck with the learner's memory of its cards, or null if they may not see it: every state (for the
 * counts by maturity), one page of the cards matching `search` in prompt or answer, and the cards the learner
 * suspended or buried, which the page lists so they can be brought back.
 */
export async function loadDeckProgress(db: Db, userId: string, deckId: string, view: { page: number; search: string; now: Date }) {
  const deck = await db.deck.findFirst({ where: { AND: [{ id: deckId }, studiableDeckWhere(userId)] }, select: { id: true, name: true } });
  if (!deck) return null;
  const search = view.search.trim();
  const matching: Prisma.CardWhereInput = {
    deckId,
    ...(search ? { OR: [{ prompt: { contains: search, mode: "insensitive" } }, { answer: { contains: search, mode: "insensitive" } }] } : {}),
  };
  const [cardCount, states, reviewCount, matches, hidden] = await Promise.all([
    db.card.count({ where: { deckId } }),
    db.cardState.findMany({ where: { userId, card: { deckId } }, select: storedStateSelect }),
    db.reviewLog.count({ where: { userId, card: { deckId } } }),
    db.card.count({ where: matching }),
    db.cardState.findMany({
      where: { userId, card: { deckId }, ...hiddenAt(view.now) },
      orderBy: [{ card: { position: "asc" } }, { cardId: "asc" }],
      select: { suspended: true, buriedUntil: true, card: { select: { id: true, kind: true, prompt: true } } },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(matches / DECK_PAGE_SIZE));
  const page = Math.min(Math.max(1, view.page), pages);
  const cards = await db.card.findMany({
    where: matching,
    orderBy: [{ position: "asc" }, { id: "asc" }],
    skip: (page - 1) * DECK_PAGE_SIZE,
    take: DECK_PAGE_SIZE,
    select: { id: true, kind: true, prompt: true },
  });
  const counts = await db.reviewLog.groupBy({ by: ["cardId"], where: { userId, cardId: { in: cards.map((card) => card.id) } }, _count: { _all: true } });
  const reviews = new Map(counts.map((row) => [row.cardId, row._count._all]));
  return {
    deck,
    cardCount,
    states,
    reviewCount,
    hidden: hidden.map(({ card, ...flags }) => ({ ...card, ...flags })),
    page: { number: page, pages, matches, cards: cards.map((card) => ({ ...card, reviews: reviews.get(card.id) ?? 0 })) },
  };
}

/** One visible card with the learner's memory of it and every grade they gave it, oldest first. */
export async function loadCardProgress(db: Db, userId: string, cardId: string) {
  const card = await db.card.findFirst({
    where: { id: cardId, deck: studiableDeckWhere(userId) },
    select: { id: true, kind: true, prompt: true, answer: true, tags: true, deck: { select: { id: true, name: true } } },
  });
  if (!card) return null;
  const [state, reviews] = await Promise.all([
    db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } }, select: storedStateSelect }),
    db.reviewLog.findMany({
      where: { userId, cardId },
      select: { id: true, rating: true, state: true, reviewedAt: true, durationMs: true },
      orderBy: { reviewedAt: "asc" },
    }),
  ]);
  return { card, state, reviews };
}

/** The ids among `cardIds` of cards the learner may see; imports skip the rest. */
export async function listVisibleCardIds(db: Db, userId: string, cardIds: readonly string[]): Promise<Set<string>> {
  const cards = await db.card.findMany({ where: { id: { in: [...cardIds] }, deck: studiableDeckWhere(userId) }, select: { id: true } });
  return new Set(cards.map((card) => card.id));
}

/** Every grade of the learner for FSRS training, oldest first. */
export function listTrainingReviews(db: Db, userId: string) {
  return db.reviewLog.findMany({ where: { userId }, select: { cardId: true, rating: true, reviewedAt: true }, orderBy: { reviewedAt: "asc" } });
}

/** Stabilities of the learner's cards in review state, for the workload estimate. */
export async function listReviewStabilities(db: Db, userId: string): Promise<number[]> {
  const rows = await db.cardState.findMany({ where: { userId, state: 2, suspended: false }, select: { stability: true } });
  return rows.map((row) => row.stability);
}
