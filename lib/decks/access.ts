import type { Prisma } from "@/lib/db/generated/client";

/** Decks a teacher may assign to a class or copy: their own and public ones. */
export function assignableDeckWhere(userId: string): Prisma.DeckWhereInput {
  return { OR: [{ ownerId: userId }, { isPublic: true }] };
}
