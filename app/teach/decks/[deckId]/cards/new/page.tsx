import type { Metadata } from "next";
import Link from "next/link";
import { CardEditor } from "../_components/card-editor";
import { loadEditableDeck } from "../_components/load-editable-deck";

export const metadata: Metadata = { title: "New card" };

export default async function NewCardPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await params;
  const { deck } = await loadEditableDeck(deckId, `/teach/decks/${deckId}/cards/new`);
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/teach/decks/${deck.id}`} className="text-sm text-muted underline">
        {deck.name}
      </Link>
      <h1 className="text-2xl font-bold">New card</h1>
      <CardEditor deckId={deck.id} initial={{ kind: "QA", prompt: "", answer: "", choices: "", explanation: "", tolerance: "", tags: "" }} />
    </div>
  );
}
