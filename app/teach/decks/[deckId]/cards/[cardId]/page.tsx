import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findOwnedCard } from "@/lib/cards/data";
import { idSchema } from "@/lib/cards/schema";
import { getDb } from "@/lib/db/client";
import { CardEditor } from "../_components/card-editor";
import { loadEditableDeck } from "../_components/load-editable-deck";

export const metadata: Metadata = { title: "Edit card" };

export default async function EditCardPage({ params }: { params: Promise<{ deckId: string; cardId: string }> }) {
  const { deckId, cardId: rawCardId } = await params;
  const cardId = idSchema.safeParse(rawCardId);
  if (!cardId.success) notFound();
  const { teacher, deck } = await loadEditableDeck(deckId, `/teach/decks/${deckId}/cards/${cardId.data}`);
  const card = await findOwnedCard(getDb(), teacher.id, deck.id, cardId.data);
  if (!card) notFound();
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/teach/decks/${deck.id}`} className="text-sm text-muted underline">
        {deck.name}
      </Link>
      <h1 className="text-2xl font-bold">Edit card</h1>
      {card.flags.length > 0 && (
        <p className="rounded-lg border border-warn p-3 text-warn">Flagged by the generator: {card.flags.join(", ")}. Saving marks the card as reviewed.</p>
      )}
      {card.sourceSentence && (
        <p className="text-sm text-muted break-words">
          Source ({card.sourceDocument}): “{card.sourceSentence}”
        </p>
      )}
      <CardEditor
        deckId={deck.id}
        cardId={card.id}
        initial={{
          kind: card.kind,
          prompt: card.prompt,
          answer: card.answer,
          choices: card.choices.join("\n"),
          explanation: card.explanation,
          tolerance: card.tolerance === null ? "" : String(card.tolerance),
          tags: card.tags.join(", "),
        }}
      />
    </div>
  );
}
