import "server-only";
import type { Db } from "@/lib/db/client";

/** The learner's leeches, most forgotten first, with the deck each is in and whether it is suspended. */
export function listLeeches(db: Db, userId: string) {
  return db.cardState.findMany({
    where: { userId, leech: true },
    orderBy: [{ lapses: "desc" }, { cardId: "asc" }],
    select: { cardId: true, lapses: true, suspended: true, card: { select: { prompt: true, kind: true, deck: { select: { name: true } } } } },
  });
}
