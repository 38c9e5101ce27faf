"use client";
import { useId, useState } from "react";
import { isCorrectChoice, listChoices, orderChoicesForShowing } from "@/lib/cards/choices";
import { checkTypedAnswer } from "@/lib/srs/answer";
import type { StudyCard } from "@/lib/study/schema";

/** What the learner answered on a tappable or typed card; the study screen turns it into a suggested grade. */
export type Attempt = { correct: boolean };
/** Called with the attempt, or with nothing when the learner only asked to see the answer. */
type OnAnswer = (attempt?: Attempt) => void;

/** Tappable options for multiple choice and true/false, a typed answer for numeric cards, nothing for flip cards. */
export function CardInteraction(props: { card: StudyCard; showing: number; revealed: boolean; onAnswer: OnAnswer }) {
  if (props.card.kind === "NUMERIC") return <TypedAnswer {...props} />;
  if (listChoices(props.card).length > 0) return <ChoiceButtons {...props} />;
  return null;
}

function ChoiceButtons({ card, showing, revealed, onAnswer }: { card: StudyCard; showing: number; revealed: boolean; onAnswer: OnAnswer }) {
  const [picked, setPicked] = useState<string | null>(null);
  // Seeded by the card's review count and this session's showing, so the order changes each time the card comes back.
  const choices = orderChoicesForShowing(card, `${card.id}:${card.state?.reps ?? 0}:${showing}`);
  return (
    <div className={card.kind === "TRUEFALSE" ? "grid grid-cols-2 gap-2" : "flex flex-col gap-2"}>
      {choices.map((choice, index) => {
        const correct = isCorrectChoice(card, choice);
        const tone = !revealed ? "border-line" : correct ? "border-good" : picked === choice ? "border-again" : "border-line opacity-70";
        return (
          <button
            key={`${index}-${choice}`}
            type="button"
            disabled={revealed}
            aria-pressed={picked === choice}
            onClick={() => {
              setPicked(choice);
              onAnswer({ correct });
            }}
            className={`min-h-12 rounded-xl border-2 bg-surface px-4 py-3 text-left text-base font-medium break-words ${tone}`}
          >
            {choice}
            {revealed && correct && (
              <span className="ml-2 text-good">
                ✓ <span className="sr-only">correct answer</span>
              </span>
            )}
            {revealed && !correct && picked === choice && (
              <span className="ml-2 text-again">
                ✗ <span className="sr-only">your answer</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}

function TypedAnswer({ card, revealed, onAnswer }: { card: StudyCard; revealed: boolean; onAnswer: OnAnswer }) {
  const id = useId();
  const [value, setValue] = useState("");
  const [verdict, setVerdict] = useState<string | null>(null);
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (revealed) return;
        // Hand the keyboard back to the page so Space and 1-4 grade straight away.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        // Nothing typed is a request to see the answer, not a wrong answer: no verdict, no suggested grade.
        if (value.trim() === "") return onAnswer();
        const check = checkTypedAnswer(card.answer, value, { tolerance: card.tolerance ?? undefined });
        setVerdict(check.correct ? "Correct." : check.close ? "Almost: check the spelling." : "Not quite.");
        onAnswer({ correct: check.correct });
      }}
    >
      <label htmlFor={id} className="text-sm font-semibold">
        Your answer
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          readOnly={revealed}
          inputMode="decimal"
          autoComplete="off"
          className="min-h-12 min-w-0 flex-1 rounded-lg border border-line bg-surface px-3 text-base text-ink"
        />
        <button type="submit" disabled={revealed} className="min-h-12 rounded-lg border-2 border-brand px-4 font-semibold text-brand">
          Check
        </button>
      </div>
      <p aria-live="polite" className="min-h-6 text-sm font-medium">
        {verdict}
      </p>
    </form>
  );
}
