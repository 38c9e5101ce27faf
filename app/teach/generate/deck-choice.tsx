"use client";
import { reachAction } from "@/app/_components/reach-action";
import { useState } from "react";
import type { GeneratedCard } from "@/lib/generator/types";
import { inputClass, labelClass } from "../_components/styles";
import { saveGeneratedCardsAction } from "./actions";

/** The value of the deck list's last option, which asks for a new deck's name. */
export const NEW_DECK = "";

/** Where accepted candidates go: one of the teacher's decks, or a new one named here. */
export function DeckChoice(props: {
  idPrefix: string;
  decks: { id: string; name: string }[];
  deckId: string;
  onDeckId: (deckId: string) => void;
  newDeckName: string;
  onNewDeckName: (name: string) => void;
}) {
  const { idPrefix, decks, deckId, newDeckName } = props;
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}save-deck`} className={labelClass}>
          Deck
        </label>
        <select id={`${idPrefix}save-deck`} value={deckId} onChange={(event) => props.onDeckId(event.target.value)} className={inputClass}>
          {decks.map((deck) => (
            <option key={deck.id} value={deck.id}>
              {deck.name}
            </option>
          ))}
          <option value={NEW_DECK}>A new deck…</option>
        </select>
      </div>
      {deckId === NEW_DECK && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${idPrefix}new-deck-name`} className={labelClass}>
            New deck name
          </label>
          <input
            id={`${idPrefix}new-deck-name`}
            value={newDeckName}
            onChange={(event) => props.onNewDeckName(event.target.value)}
            maxLength={100}
            className={inputClass}
          />
        </div>
      )}
    </>
  );
}

/** The chosen deck, and saving accepted cards into it; returns the message to show. */
export function useDeckTarget(decks: { id: string; name: string }[]) {
  const [deckId, setDeckId] = useState(decks[0]?.id ?? NEW_DECK);
  const [newDeckName, setNewDeckName] = useState("");
  const [saved, setSaved] = useState<string>();
  async function save(cards: GeneratedCard[]): Promise<{ error?: string; success?: string }> {
    const target = deckId === NEW_DECK ? { newDeckName } : { deckId };
    const result = await reachAction(saveGeneratedCardsAction({ target, cards }));
    if (!result.ok) return { error: result.message };
    setSaved(result.data.deckId);
    return { success: `Saved: ${result.data.created} new cards, ${result.data.updated} updated.` };
  }
  return { deckId, setDeckId, newDeckName, setNewDeckName, saved, clearSaved: () => setSaved(undefined), save };
}
