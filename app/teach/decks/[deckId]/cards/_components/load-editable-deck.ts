import "server-only";
import { notFound } from "next/navigation";
import { requireTeacher } from "@/lib/auth/session";
import { idSchema } from "@/lib/cards/schema";
import { getDb } from "@/lib/db/client";
import { findOwnedDeck } from "@/lib/decks/data";

/** The signed-in teacher and their deck for a card page; anything else is a 404. */
export async function loadEditableDeck(rawDeckId: string, returnTo: string) {
  const deckId = idSchema.safeParse(rawDeckId);
  if (!deckId.success) notFound();
  const teacher = await requireTeacher(returnTo);
  const deck = await findOwnedDeck(getDb(), teacher.id, deckId.data);
  if (!deck) notFound();
  return { teacher, deck };
}
