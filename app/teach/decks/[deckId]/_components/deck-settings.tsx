"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/app/_components/field";
import { useRefreshingAction } from "@/app/_components/use-action-feedback";
import { FormMessage } from "../../../_components/form-message";
import { cardBox, dangerButton, primaryButton, secondaryButton } from "../../../_components/styles";
import { copyDeckAction, deleteDeckAction, setDeckPublicAction, updateDeckAction } from "../../actions";

type Deck = { id: string; name: string; description: string; tags: string[]; isPublic: boolean; cardCount: number };

export function DeckSettings({ deck }: { deck: Deck }) {
  const router = useRouter();
  const { errors, message, pending, run, formProps } = useRefreshingAction();
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  function onSave(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      deckId: deck.id,
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      tags: String(form.get("tags") ?? ""),
    };
    return run(() => updateDeckAction(input), "Deck saved.");
  }

  return (
    <section aria-labelledby="deck-settings" className={cardBox}>
      <h2 id="deck-settings" className="text-xl font-semibold">
        Deck settings
      </h2>
      <form {...formProps} onSubmit={onSave} className="flex flex-col gap-4" noValidate>
        <Field label="Name" name="name" required maxLength={100} defaultValue={deck.name} error={errors.name?.[0]} />
        <Field label="Description" name="description" maxLength={2000} defaultValue={deck.description} error={errors.description?.[0]} />
        <Field label="Tags" name="tags" defaultValue={deck.tags.join(", ")} hint="Separate tags with commas." error={errors.tags?.[0]} />
        <button type="submit" disabled={pending} className={primaryButton}>
          Save deck
        </button>
      </form>
      <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
        <button
          type="button"
          role="switch"
          aria-checked={deck.isPublic}
          disabled={pending}
          onClick={() => run(() => setDeckPublicAction({ deckId: deck.id, isPublic: !deck.isPublic }), deck.isPublic ? "Deck unpublished." : "Deck published.")}
          className={secondaryButton}
        >
          <span aria-hidden className={`mr-2 inline-block h-5 w-9 rounded-full border border-line p-0.5 ${deck.isPublic ? "bg-good" : "bg-bg"}`}>
            <span className={`block h-3.5 w-3.5 rounded-full bg-surface shadow ${deck.isPublic ? "translate-x-4" : ""}`} />
          </span>
          Publish
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            run(
              () => copyDeckAction({ deckId: deck.id }),
              "Deck copied.",
              (copy) => router.push(`/teach/decks/${copy.id}`),
            )
          }
          className={secondaryButton}
        >
          Copy deck
        </button>
        {!confirmingDelete ? (
          <button type="button" disabled={pending} onClick={() => setConfirmingDelete(true)} className={dangerButton}>
            Delete deck
          </button>
        ) : (
          <div role="alertdialog" aria-labelledby="confirm-delete-deck" className="flex w-full flex-col gap-2 rounded-lg border border-again p-3">
            <p id="confirm-delete-deck" className="font-medium">
              Delete “{deck.name}” and its {deck.cardCount} cards? Students lose their progress on them. This cannot be undone.
            </p>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                disabled={pending}
                onClick={() =>
                  run(
                    () => deleteDeckAction({ deckId: deck.id }),
                    "Deck deleted.",
                    () => router.push("/teach"),
                  )
                }
                className={dangerButton}
              >
                Yes, delete deck
              </button>
              <button type="button" onClick={() => setConfirmingDelete(false)} className={secondaryButton}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>
      <FormMessage {...message} />
    </section>
  );
}
