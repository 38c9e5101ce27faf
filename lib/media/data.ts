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
