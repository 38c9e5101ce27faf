"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CardFace } from "@/app/_components/card-face";
import { useRefreshingAction } from "@/app/_components/use-action-feedback";
import { CARD_KINDS, cardContentSchema, toCardInput, type CardFormFields } from "@/lib/cards/schema";
import { FormMessage } from "../../../../_components/form-message";
import { KIND_NAMES } from "../../../../_components/kind-names";
import { cardBox, dangerButton, inputClass, labelClass, primaryButton, secondaryButton } from "../../../../_components/styles";
import { createCardAction, deleteCardAction, updateCardAction } from "../actions";

const HINTS: Partial<Record<keyof CardFormFields, string>> = {
  prompt: "For a cloze card, mark the hidden part like {{c1::The Hague}}.",
  choices: "Multiple choice: 2 to 6 choices, one per line, including the answer.",
  tolerance: "Numeric: how far off an answer may be and still count. Blank means exact.",
  tags: "Separate tags with commas.",
};

function TextInput(props: {
  name: keyof CardFormFields;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  multiline?: boolean;
  inputMode?: "decimal";
}) {
  const id = `card-${props.name}`;
  const hint = HINTS[props.name];
  const describedBy = [hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const shared = { id, name: props.name, value: props.value, "aria-invalid": props.error ? true : undefined, "aria-describedby": describedBy };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelClass}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...shared} rows={3} onChange={(event) => props.onChange(event.target.value)} className={`${inputClass} py-2`} />
      ) : (
        <input {...shared} inputMode={props.inputMode} onChange={(event) => props.onChange(event.target.value)} className={inputClass} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="text-sm font-medium text-again">
          {props.error}
        </p>
      )}
    </div>
  );
}

/**
 * Creates or edits one card, with a live preview of exactly what a student sees on a phone (the study
 * screen's own card face, fed the same validated content the server will store).
 */
export function CardEditor({ deckId, cardId, initial }: { deckId: string; cardId?: string; initial: CardFormFields }) {
  const router = useRouter();
  const [fields, setFields] = useState<CardFormFields>(initial);
  const [revealed, setRevealed] = useState(false);
  const { errors, message, pending, submit, run, formProps } = useRefreshingAction();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const set = (name: keyof CardFormFields) => (value: string) => setFields((current) => ({ ...current, [name]: value }));

  const input = toCardInput(fields);
  const checked = cardContentSchema.safeParse(input);
  const preview = checked.success
    ? checked.data
    : { kind: input.kind, prompt: input.prompt, answer: input.answer ?? "", choices: input.choices ?? [], explanation: input.explanation ?? "" };
  const usesChoices = fields.kind === "MCQ";
  const usesTolerance = fields.kind === "NUMERIC";

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Saving an edit stays on the page; adding a card goes back to the deck.
    if (cardId) return run(() => updateCardAction({ deckId, cardId }, input), "Card saved.");
    const result = await submit(() => createCardAction({ deckId }, input));
    if (result.ok) router.push(`/teach/decks/${deckId}`);
  }

  async function onDelete() {
    if (!cardId) return;
    const result = await submit(() => deleteCardAction({ deckId, cardId }));
    if (result.ok) router.push(`/teach/decks/${deckId}`);
  }

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <form {...formProps} onSubmit={onSubmit} className={cardBox} noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="card-kind" className={labelClass}>
            Kind
          </label>
          <select id="card-kind" name="kind" value={fields.kind} onChange={(event) => set("kind")(event.target.value)} className={inputClass}>
            {CARD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_NAMES[kind]}
              </option>
            ))}
          </select>
        </div>
        <TextInput name="prompt" label="Prompt" multiline value={fields.prompt} onChange={set("prompt")} error={errors.prompt?.[0]} />
        {fields.kind !== "CLOZE" && <TextInput name="answer" label="Answer" value={fields.answer} onChange={set("answer")} error={errors.answer?.[0]} />}
        {usesChoices && <TextInput name="choices" label="Choices" multiline value={fields.choices} onChange={set("choices")} error={errors.choices?.[0]} />}
        <TextInput name="explanation" label="Explanation" multiline value={fields.explanation} onChange={set("explanation")} error={errors.explanation?.[0]} />
        {usesTolerance && (
          <TextInput
            name="tolerance"
            label="Tolerance"
            inputMode="decimal"
            value={fields.tolerance}
            onChange={set("tolerance")}
            error={errors.tolerance?.[0]}
          />
        )}
        <TextInput name="tags" label="Tags" value={fields.tags} onChange={set("tags")} error={errors.tags?.[0]} />
        <FormMessage {...message} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className={primaryButton}>
            {cardId ? "Save card" : "Add card"}
          </button>
          {cardId && !confirmingDelete && (
            <button type="button" onClick={() => setConfirmingDelete(true)} className={dangerButton}>
              Delete card
            </button>
          )}
        </div>
        {confirmingDelete && (
          <div role="alertdialog" aria-labelledby="confirm-delete-card" className="flex flex-col gap-2 rounded-lg border border-again p-3">
            <p id="confirm-delete-card">Delete this card? Students lose their progress on it.</p>
            <div className="flex flex-wrap gap-2">
              <button type="button" disabled={pending} onClick={onDelete} className={dangerButton}>
                Yes, delete card
              </button>
              <button type="button" onClick={() => setConfirmingDelete(false)} className={secondaryButton}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </form>
      <section aria-labelledby="preview-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="preview-heading" className="mr-auto text-xl font-semibold">
            Preview
          </h2>
          <button type="button" aria-pressed={revealed} onClick={() => setRevealed(!revealed)} className={secondaryButton}>
            {revealed ? "Hide answer" : "Show answer"}
          </button>
        </div>
        <p className="text-sm text-muted">
          {checked.success ? "As a student sees it on a phone." : "Not valid yet: fix the highlighted fields before saving."}
        </p>
        <div className="w-full max-w-[390px] rounded-[2rem] border-4 border-line bg-bg p-3">
          <CardFace card={preview} revealed={revealed} />
        </div>
      </section>
    </div>
  );
}
