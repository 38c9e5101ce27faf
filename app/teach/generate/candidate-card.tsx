"use client";
import { useState } from "react";
import type { GeneratedCard } from "@/lib/generator/types";
import { inputClass, labelClass, secondaryButton } from "../_components/styles";

const KIND_LABEL: Record<GeneratedCard["kind"], string> = {
  cloze: "Cloze",
  qa: "Question and answer",
  mcq: "Multiple choice",
  truefalse: "True or false",
  numeric: "Numeric",
};

type Props = { index: number; card: GeneratedCard; accepted: boolean; onAccept: (accepted: boolean) => void; onChange: (card: GeneratedCard) => void };

/** One candidate with its source sentence and flags, Accept/Reject toggles and an inline editor. */
export function CandidateCard({ index, card, accepted, onAccept, onChange }: Props) {
  const [editing, setEditing] = useState(false);
  const id = `candidate-${index}`;
  return (
    <li className={`flex flex-col gap-3 rounded-2xl border p-4 ${accepted ? "border-line bg-surface" : "border-dashed border-line bg-bg opacity-75"}`} aria-labelledby={`${id}-prompt`}>
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">{KIND_LABEL[card.kind]} · card {index + 1}</p>
      {editing ? (
        <div className="flex flex-col gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-prompt-input`} className={labelClass}>Prompt</label>
            <textarea id={`${id}-prompt-input`} rows={3} value={card.prompt} onChange={(event) => onChange({ ...card, prompt: event.target.value })} className={`${inputClass} py-2`} />
          </div>
          {card.kind !== "cloze" && (
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-answer-input`} className={labelClass}>Answer</label>
              <input id={`${id}-answer-input`} value={card.answer} onChange={(event) => onChange({ ...card, answer: event.target.value })} className={inputClass} />
            </div>
          )}
          {card.kind === "mcq" && (
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-choices-input`} className={labelClass}>Choices</label>
              <textarea
                id={`${id}-choices-input`}
                rows={4}
                value={(card.choices ?? []).join("\n")}
                onChange={(event) => onChange({ ...card, choices: event.target.value.split("\n") })}
                className={`${inputClass} py-2`}
              />
            </div>
          )}
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-explanation-input`} className={labelClass}>Explanation</label>
            <input id={`${id}-explanation-input`} value={card.explanation ?? ""} onChange={(event) => onChange({ ...card, explanation: event.target.value })} className={inputClass} />
          </div>
        </div>
      ) : (
        <>
          <p id={`${id}-prompt`} className="text-lg break-words whitespace-pre-line">{card.prompt}</p>
          {card.kind !== "cloze" && <p className="font-semibold break-words">Answer: {card.answer}</p>}
          {card.choices && card.choices.length > 0 && <p className="text-sm break-words text-muted">Choices: {card.choices.join(" · ")}</p>}
          {card.explanation && <p className="text-sm break-words text-muted">{card.explanation}</p>}
        </>
      )}
      <p className="text-sm break-words text-muted">
        Source ({card.source.document}): “{card.source.sentence}”
      </p>
      {card.flags && card.flags.length > 0 && <p className="text-sm font-medium text-warn">Check this card: {card.flags.join(", ")}</p>}
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Card ${index + 1}`}>
        <button type="button" aria-pressed={accepted} onClick={() => onAccept(true)} className={`${secondaryButton} ${accepted ? "border-good text-good" : ""}`}>Accept</button>
        <button type="button" aria-pressed={!accepted} onClick={() => onAccept(false)} className={`${secondaryButton} ${!accepted ? "border-again text-again" : ""}`}>Reject</button>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)} className={secondaryButton}>{editing ? "Done editing" : "Edit"}</button>
      </div>
    </li>
  );
}
