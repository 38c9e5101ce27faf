"use client";
import { useState } from "react";
import { parseCloze } from "@/lib/cards/cloze";
import type { FactBaseFlag } from "@/lib/generator/fact-base-check";
import type { GeneratedCard } from "@/lib/generator/types";
import { inputClass, labelClass } from "../_components/styles";

const KIND_LABEL: Record<GeneratedCard["kind"], string> = {
  cloze: "Cloze",
  qa: "Question and answer",
  mcq: "Multiple choice",
  truefalse: "True or false",
  numeric: "Numeric",
};

type Candidate = {
  card: GeneratedCard;
  accepted: boolean;
  origin: "fact-base" | "reference" | "article" | "ai";
  flag?: FactBaseFlag;
  weakness?: string;
  mentionedIn?: string;
};
const ORIGIN_LABEL: Record<Candidate["origin"], string> = {
  "fact-base": "Verified fact from the NATO fact base",
  reference: "Verified background the article mentions",
  article: "From the article",
  ai: "Proposed by the AI assistant, quote checked",
};
type Props = { index: number; candidate: Candidate; onAccept: (accepted: boolean) => void; onChange: (card: GeneratedCard) => void };

// Full class strings per state: appending a colour to a shared border class loses to it in the stylesheet.
const ACCEPT_ON = "inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-good bg-surface px-4 font-semibold text-good";
const REJECT_ON = "inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-again bg-surface px-4 font-semibold text-again";
const OFF = "inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-line bg-surface px-4 font-semibold text-ink";

/** An edit to a card; a cloze's answer always follows its deletions, and faces built from the old text are dropped. */
function edited(card: GeneratedCard, change: Partial<GeneratedCard>): GeneratedCard {
  const next = { ...card, ...change, faces: undefined };
  return next.kind === "cloze" ? { ...next, answer: parseCloze(next.prompt).answer } : next;
}

/** One candidate: rank, origin, a flag with the correction in words, Accept/Reject and an inline editor. */
export function CandidateCard({ index, candidate, onAccept, onChange }: Props) {
  const { card, accepted, origin, flag, weakness, mentionedIn } = candidate;
  const [editing, setEditing] = useState(false);
  const id = `candidate-${index}`;
  const front = card.kind === "cloze" ? parseCloze(card.prompt).front : card.prompt;
  return (
    <li
      className={`flex flex-col gap-3 rounded-2xl border-2 p-4 ${accepted ? "border-good bg-surface" : "border-dashed border-line bg-bg"}`}
      aria-labelledby={`${id}-prompt`}
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">
        Rank {index + 1} · {KIND_LABEL[card.kind]} · {ORIGIN_LABEL[origin]}
      </p>
      {flag && (
        <div role="note" className="rounded-lg border-2 border-warn p-3 text-sm">
          <p className="font-semibold text-warn">Flagged: the article repeats a known error.</p>
          <p className="break-words">{flag.claim}</p>
          <p className="break-words">The record: {flag.correction} This card teaches the record.</p>
        </div>
      )}
      {weakness && <p className="text-sm text-muted">Kept apart: {weakness}. Edit it before keeping it.</p>}
      {editing ? (
        <div className="flex flex-col gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-prompt-input`} className={labelClass}>
              {card.kind === "cloze" ? "Text, with the answer as {{c1::…}}" : "Prompt"}
            </label>
            <textarea
              id={`${id}-prompt-input`}
              rows={3}
              value={card.prompt}
              onChange={(event) => onChange(edited(card, { prompt: event.target.value }))}
              className={`${inputClass} py-2`}
            />
          </div>
          {card.kind !== "cloze" && (
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-answer-input`} className={labelClass}>
                Answer
              </label>
              <input
                id={`${id}-answer-input`}
                value={card.answer}
                onChange={(event) => onChange(edited(card, { answer: event.target.value }))}
                className={inputClass}
              />
            </div>
          )}
          {card.kind === "mcq" && (
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-choices-input`} className={labelClass}>
                Choices, one per line
              </label>
              <textarea
                id={`${id}-choices-input`}
                rows={4}
                value={(card.choices ?? []).join("\n")}
                onChange={(event) => onChange(edited(card, { choices: event.target.value.split("\n") }))}
                className={`${inputClass} py-2`}
              />
            </div>
          )}
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-explanation-input`} className={labelClass}>
              Explanation
            </label>
            <input
              id={`${id}-explanation-input`}
              value={card.explanation ?? ""}
              onChange={(event) => onChange(edited(card, { explanation: event.target.value }))}
              className={inputClass}
            />
          </div>
        </div>
      ) : (
        <>
          <p id={`${id}-prompt`} className="text-lg break-words whitespace-pre-line">
            {front}
          </p>
          <p className="font-semibold break-words">Answer: {card.answer}</p>
          {card.choices && card.choices.length > 0 && <p className="text-sm break-words text-muted">Choices: {card.choices.join(" · ")}</p>}
          {card.explanation && <p className="text-sm break-words text-muted">{card.explanation}</p>}
        </>
      )}
      <p className="text-sm break-words text-muted">
        Source ({card.source.document}): “{card.source.sentence}”
      </p>
      {mentionedIn && <p className="text-sm break-words text-muted">In the article: “{mentionedIn}”</p>}
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Card ${index + 1}`}>
        <button type="button" aria-pressed={accepted} onClick={() => onAccept(true)} className={accepted ? ACCEPT_ON : OFF}>
          Accept
        </button>
        <button type="button" aria-pressed={!accepted} onClick={() => onAccept(false)} className={!accepted ? REJECT_ON : OFF}>
          Reject
        </button>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)} className={OFF}>
          {editing ? "Done editing" : "Edit"}
        </button>
      </div>
    </li>
  );
}
