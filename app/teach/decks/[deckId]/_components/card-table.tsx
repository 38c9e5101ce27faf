"use client";
import Link from "next/link";
import { countOf } from "@/app/_components/count-of";
import { showPrompt } from "@/lib/cards/cloze";
import type { CardKindName } from "@/lib/cards/schema";
import { FormMessage } from "../../../_components/form-message";
import { KIND_NAMES } from "../../../_components/kind-names";
import { dangerButton, inputClass, labelClass, secondaryButton } from "../../../_components/styles";
import { useCardSelection } from "./use-card-selection";

type Row = { id: string; kind: CardKindName; prompt: string; answer: string; tags: string[]; flags: string[] };

/** The deck's cards with checkboxes; the bar above acts on the checked ones. `filtered`: a search or filter is set. */
export function CardTable({
  deckId,
  cards,
  otherDecks,
  filtered,
}: {
  deckId: string;
  cards: Row[];
  otherDecks: { id: string; name: string }[];
  filtered: boolean;
}) {
  const selection = useCardSelection(deckId, cards, otherDecks);
  const { selected, tag, pending } = selection;

  if (cards.length === 0) {
    return (
      <p className="text-muted">
        {filtered ? "No cards match these filters. Clear them to see every card." : "This deck has no cards yet. Add one or import a file."}
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-3 rounded-lg border border-line p-3" disabled={pending}>
        <legend className="px-1 text-sm font-semibold">With {selected.size} selected</legend>
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex min-w-40 flex-1 flex-col gap-1">
            <label htmlFor="bulk-tag" className={labelClass}>
              Tag
            </label>
            <input id="bulk-tag" value={tag} onChange={(event) => selection.setTag(event.target.value)} className={inputClass} />
          </div>
          <button type="button" disabled={selected.size === 0 || !tag.trim()} onClick={selection.addTag} className={secondaryButton}>
            Add tag
          </button>
          <button type="button" disabled={selected.size === 0 || !tag.trim()} onClick={selection.removeTag} className={secondaryButton}>
            Remove tag
          </button>
        </div>
        {otherDecks.length > 0 && (
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex min-w-40 flex-1 flex-col gap-1">
              <label htmlFor="bulk-move" className={labelClass}>
                Move to deck
              </label>
              <select id="bulk-move" value={selection.targetDeckId} onChange={(event) => selection.setTargetDeckId(event.target.value)} className={inputClass}>
                {otherDecks.map((deck) => (
                  <option key={deck.id} value={deck.id}>
                    {deck.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" disabled={selected.size === 0} onClick={selection.move} className={secondaryButton}>
              Move
            </button>
          </div>
        )}
        {!selection.confirmingDelete ? (
          <button type="button" disabled={selected.size === 0} onClick={() => selection.setConfirmingDelete(true)} className={`${dangerButton} self-start`}>
            Delete selected
          </button>
        ) : (
          <div role="alertdialog" aria-labelledby="confirm-bulk-delete" className="flex flex-col gap-2 rounded-lg border border-again p-3">
            <p id="confirm-bulk-delete">Delete {countOf(selected.size, "card")}? Students lose their progress on them.</p>
            <div className="flex flex-wrap gap-2">
              <button type="button" onClick={selection.deleteSelected} className={dangerButton}>
                Yes, delete
              </button>
              <button type="button" onClick={() => selection.setConfirmingDelete(false)} className={secondaryButton}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </fieldset>
      <FormMessage {...selection.message} />
      <label className="flex min-h-11 items-center gap-2 font-medium">
        <input type="checkbox" className="h-5 w-5" checked={selection.allSelected} onChange={selection.toggleAll} />
        Select all {cards.length} shown
      </label>
      <ul className="flex flex-col divide-y divide-line">
        {cards.map((card, index) => (
          <li key={card.id} className="flex items-start gap-3 py-3">
            <input
              type="checkbox"
              className="mt-3 h-5 w-5 shrink-0"
              checked={selected.has(card.id)}
              onChange={() => selection.toggle(card.id)}
              aria-label={`Select card ${index + 1}: ${showPrompt(card).slice(0, 60)}`}
            />
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <Link
                href={`/teach/decks/${deckId}/cards/${card.id}`}
                className="flex min-h-11 items-center font-medium break-words text-brand underline-offset-2 hover:underline"
              >
                {showPrompt(card)}
              </Link>
              <p className="text-sm break-words text-muted">
                {KIND_NAMES[card.kind]} · {card.answer}
                {card.tags.length > 0 && <> · {card.tags.join(", ")}</>}
              </p>
              {card.flags.length > 0 && <p className="text-sm font-medium text-warn">Flagged: {card.flags.join(", ")}</p>}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
