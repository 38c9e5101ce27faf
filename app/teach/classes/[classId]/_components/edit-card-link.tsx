import Link from "next/link";

/** The way from a dashboard row to the card editor, named by the card for screen readers. */
export function EditCardLink({ deckId, cardId, prompt }: { deckId: string; cardId: string; prompt: string }) {
  return (
    <Link
      href={`/teach/decks/${encodeURIComponent(deckId)}/cards/${encodeURIComponent(cardId)}`}
      className="inline-flex min-h-11 items-center text-brand underline"
    >
      Edit<span className="sr-only"> card: {prompt}</span>
    </Link>
  );
}
