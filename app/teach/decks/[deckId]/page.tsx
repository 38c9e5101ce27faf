import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireTeacher } from "@/lib/auth/session";
import { listDeckFacets, searchDeckCards } from "@/lib/cards/data";
import { cardFilterSchema } from "@/lib/cards/schema";
import { getDb } from "@/lib/db/client";
import { findOwnedDeck, listOwnedDecks } from "@/lib/decks/data";
import { deckIdSchema } from "@/lib/decks/schema";
import { cardBox, primaryButton, secondaryButton } from "../../_components/styles";
import { CardFilters } from "./_components/card-filters";
import { CardTable } from "./_components/card-table";
import { DeckSettings } from "./_components/deck-settings";
import { countOf } from "@/app/_components/count-of";

export const metadata: Metadata = { title: "Deck" };

type Props = { params: Promise<{ deckId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Blank filter fields arrive as "", which means "no filter". */
function readFilter(raw: Record<string, string | string[] | undefined>) {
  const single = (key: string) => {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    return text ? text : undefined;
  };
  const parsed = cardFilterSchema.safeParse({ q: single("q"), tag: single("tag"), kind: single("kind"), flag: single("flag") });
  return parsed.success ? parsed.data : {};
}

export default async function DeckPage({ params, searchParams }: Props) {
  const { deckId: rawId } = await params;
  const deckId = deckIdSchema.safeParse(rawId);
  if (!deckId.success) notFound();
  const teacher = await requireTeacher(`/teach/decks/${deckId.data}`);
  const db = getDb();
  const filter = readFilter(await searchParams);
  const [deck, cards, facets, decks] = await Promise.all([
    findOwnedDeck(db, teacher.id, deckId.data),
    searchDeckCards(db, teacher.id, deckId.data, filter),
    listDeckFacets(db, teacher.id, deckId.data),
    listOwnedDecks(db, teacher.id),
  ]);
  if (!deck) notFound();
  const base = `/teach/decks/${deck.id}`;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <Link href="/teach" className="text-sm text-muted underline">
          Teach
        </Link>
        <h1 className="text-2xl font-bold break-words">{deck.name}</h1>
        <p className="text-muted">
          {countOf(deck._count.cards, "card")}
          {deck.isPublic ? " · public" : " · private"}
        </p>
      </div>
      <DeckSettings
        deck={{ id: deck.id, name: deck.name, description: deck.description, tags: deck.tags, isPublic: deck.isPublic, cardCount: deck._count.cards }}
      />
      <section aria-labelledby="cards-heading" className={cardBox}>
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="cards-heading" className="mr-auto text-xl font-semibold">
            Cards
          </h2>
          <Link href={`${base}/cards/new`} className={primaryButton}>
            New card
          </Link>
          <Link href={`${base}/import`} className={secondaryButton}>
            Import
          </Link>
          <a href={`/api/decks/${deck.id}/export?format=csv`} className={secondaryButton} download>
            Export CSV
          </a>
          <a href={`/api/decks/${deck.id}/export?format=apkg`} className={secondaryButton} download>
            Export Anki package
          </a>
        </div>
        <CardFilters action={base} filter={filter} tags={facets.tags} flags={facets.flags} />
        <CardTable
          deckId={deck.id}
          cards={cards.map((card) => ({ id: card.id, kind: card.kind, prompt: card.prompt, answer: card.answer, tags: card.tags, flags: card.flags }))}
          otherDecks={decks.filter((other) => other.id !== deck.id).map((other) => ({ id: other.id, name: other.name }))}
          filtered={Object.values(filter).some(Boolean)}
        />
      </section>
    </div>
  );
}
