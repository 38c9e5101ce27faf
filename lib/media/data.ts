import "server-only";
import type { Db } from "@/lib/db/client";
import { studiableDeckWhere } from "@/lib/study/access";

/**
 * An image by its hash when the viewer may study a deck that holds it (the permission for seeing the deck's
 * cards), else null: another user's image and a missing one look the same.
 */
export function findViewableImage(db: Db, userId: string, sha256: string) {
  return db.deckImage.findFirst({ where: { sha256, deck: studiableDeckWhere(userId) }, select: { mimeType: true, bytes: true } });
}

/** The images an export's cards show, one copy each, from decks the user may study (as the route would serve them). */
export function findImagesForExport(db: Db, userId: string, sha256s: string[]) {
  if (sha256s.length === 0) return Promise.resolve([]);
  return db.deckImage.findMany({
    where: { sha256: { in: sha256s }, deck: studiableDeckWhere(userId) },
    distinct: ["sha256"],
    orderBy: { sha256: "asc" },
    select: { sha256: true, fileName: true, mimeType: true, bytes: true },
  });
}
