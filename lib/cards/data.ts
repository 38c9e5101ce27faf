import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { CARD_CONTENT_SELECT } from "@/lib/study/queue/study-card";
import type { CardFilter } from "./schema";

/** The value of the flag filter that matches any flagged card. */
export const ANY_FLAG = "any";

// The study screen's columns plus what only the editor shows.
const CARD_ROW_SELECT = { ...CARD_CONTENT_SELECT, flags: true, sourceSentence: true } as const;

function filterWhere(filter: CardFilter): Prisma.CardWhereInput[] {
  const where: Prisma.CardWhereInput[] = [];
  if (filter.q) {
    const contains = { contains: filter.q, mode: "insensitive" as const };
    where.push({ OR: [{ prompt: contains }, { answer: contains }, { explanation: contains }, { choices: { has: filter.q } }] });
  }
  if (filter.tag) where.push({ tags: { has: filter.tag } });
  if (filter.kind) where.push({ kind: filter.kind });
  if (filter.flag === ANY_FLAG) where.push({ NOT: { flags: { isEmpty: true } } });
  else if (filter.flag) where.push({ flags: { has: filter.flag } });
  return where;
}

/** Cards of the owner's deck matching the filter, in deck order; empty when the deck is not theirs. */
export function searchDeckCards(db: Db, ownerId: string, deckId: string, filter: CardFilter) {
  return db.card.findMany({
    where: { AND: [{ deckId, deck: { ownerId } }, ...filterWhere(filter)] },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: CARD_ROW_SELECT,
  });
}
export type CardRow = Awaited<ReturnType<typeof searchDeckCards>>[number];

/** The tags and flags used in the owner's deck, for the filter pickers. */
export async function listDeckFacets(db: Db, ownerId: string, deckId: string): Promise<{ tags: string[]; flags: string[] }> {
  const cards = await db.card.findMany({ where: { deckId, deck: { ownerId } }, select: { tags: true, flags: true } });
  const sorted = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return { tags: sorted(cards.flatMap((card) => card.tags)), flags: sorted(cards.flatMap((card) => card.flags)) };
}

/** One card for the editor when its deck is the owner's, else null. */
export function findOwnedCard(db: Db, ownerId: string, deckId: string, cardId: string) {
  return db.card.findFirst({ where: { id: cardId, deckId, deck: { ownerId } }, select: CARD_ROW_SELECT });
}
