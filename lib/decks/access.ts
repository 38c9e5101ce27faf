import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

type Reader = Db | Prisma.TransactionClient;

/** Whether the account may use teacher tools; read from the database so a stale session cannot grant it. */
export async function isTeacher(db: Reader, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user?.role === "TEACHER";
}

/** Decks a teacher may assign to a class or copy: their own and public ones. */
export function assignableDeckWhere(userId: string): Prisma.DeckWhereInput {
  return { OR: [{ ownerId: userId }, { isPublic: true }] };
}

