import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findExportableDeck } from "@/lib/decks/data";
import { deckIdSchema } from "@/lib/decks/schema";
import { refuse, unauthenticated } from "@/lib/http/json-route";
import { attachmentHeaders } from "@/lib/imports/attachment";
import { buildApkg } from "@/lib/imports/write-apkg";
import { buildDeckCsv } from "@/lib/imports/write-csv";
import { withOutage } from "@/lib/http/outage";
import { imagesShownBy } from "@/lib/media/card-images";
import { findImagesForExport } from "@/lib/media/data";

const querySchema = z.object({ format: z.enum(["csv", "apkg"]) });

/** GET ?format=csv|apkg: the deck as a file, for anyone who may read it (owner, public, or assigned to their class). */
async function get(request: Request, context: { params: Promise<{ deckId: string }> }) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const deckId = deckIdSchema.safeParse((await context.params).deckId);
  const query = querySchema.safeParse({ format: new URL(request.url).searchParams.get("format") });
  if (!deckId.success || !query.success) return refuse("invalid_input", "Ask for format=csv or format=apkg.");
  const deck = await findExportableDeck(getDb(), user.id, deckId.data);
  if (!deck) return refuse("not_found", "No such deck.");
  if (query.data.format === "csv") {
    return new Response(buildDeckCsv(deck.cards), { headers: attachmentHeaders(`${deck.name}.csv`, "text/csv; charset=utf-8") });
  }
  const images = await findImagesForExport(getDb(), user.id, [...imagesShownBy(deck.cards)]);
  const bytes = await buildApkg(deck, deck.cards, new Date(), images);
  return new Response(Buffer.from(bytes), { headers: attachmentHeaders(`${deck.name}.apkg`, "application/octet-stream") });
}

export const GET = withOutage(get);
