import type { Metadata } from "next";
import Link from "next/link";
import { loadEditableDeck } from "../cards/_components/load-editable-deck";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import cards" };

export default async function ImportPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await params;
  const { deck } = await loadEditableDeck(deckId, `/teach/decks/${deckId}/import`);
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/teach/decks/${deck.id}`} className="text-sm text-muted underline">
        {deck.name}
      </Link>
      <h1 className="text-2xl font-bold">Import cards</h1>
      <p className="text-muted">
        CSV or TSV with a header row (you choose the columns next), plain text with one “front⇥back” card per line (.txt), or an Anki package (.apkg, any Anki
        version). Up to 5 MB and 10,000 cards. Rows with an id that the deck already has update that card. The preview lists rows with a problem; you can fix
        the file, import the rest, or cancel.
      </p>
      <ImportForm deckId={deck.id} />
    </div>
  );
}
