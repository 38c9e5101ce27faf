import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { imagesShownBy, type CardText } from "./card-images";

export type ImageToStore = { name: string; sha256: string; mimeType: string; bytes: Uint8Array };

/**
 * Stores, for one deck, the images its new cards show (a deck keeps one copy of each, by hash), inside the import's
 * transaction. One statement per image: its bytes travel as a single parameter instead of through Prisma's query
 * compiler.
 */
export async function storeDeckImages(tx: Prisma.TransactionClient, deckId: string, cards: CardText[], images: ImageToStore[]): Promise<void> {
  const shown = imagesShownBy(cards);
  for (const image of images) {
    if (!shown.has(image.sha256)) continue;
    await tx.$executeRaw`
      INSERT INTO "DeckImage" ("deckId", sha256, "mimeType", "fileName", size, bytes)
      VALUES (${deckId}, ${image.sha256}, ${image.mimeType}, ${image.name}, ${image.bytes.length}, ${Buffer.from(image.bytes)})
      ON CONFLICT DO NOTHING`;
  }
}

/**
 * Gives a deck its own copy of the images that cards moved or copied into it show, from the decks they came from,
 * so whoever may study the new deck sees them (an image is served to those who may study a deck holding it).
 */
export async function copyImagesShown(tx: Prisma.TransactionClient, fromDeckIds: string[], toDeckId: string, cards: CardText[]): Promise<void> {
  const shown = [...imagesShownBy(cards)];
  if (shown.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "DeckImage" ("deckId", sha256, "mimeType", "fileName", size, bytes)
    SELECT DISTINCT ON (sha256) ${toDeckId}, sha256, "mimeType", "fileName", size, bytes
    FROM "DeckImage" WHERE "deckId" = ANY(${fromDeckIds}::text[]) AND sha256 = ANY(${shown}::text[])
    ORDER BY sha256
    ON CONFLICT DO NOTHING`;
}
