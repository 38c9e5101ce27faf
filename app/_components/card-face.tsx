import type { ReactNode } from "react";
import { isCorrectChoice, listChoices } from "@/lib/cards/choices";
import { parseCloze } from "@/lib/cards/cloze";
import type { CardKindName } from "@/lib/cards/schema";
import { CardText } from "./card-text";

export type CardFaceCard = {
  kind: CardKindName;
  prompt: string;
  answer: string;
  choices: string[];
  explanation: string;
  sourceDocument?: string;
};

const KIND_LABEL: Record<CardFaceCard["kind"], string> = {
  CLOZE: "Fill the blank",
  QA: "Question",
  MCQ: "Multiple choice",
  TRUEFALSE: "True or false",
  NUMERIC: "Type the number",
};

/**
 * One card's front and, when revealed, its back, for every card kind. All card text is rendered as React text
 * (escaped), never as HTML; its images are the app's own <img> (CardText). The back is always laid out and only hidden, so revealing it does not move anything.
 * `interaction` replaces the static choice list (the study screen passes tappable options or a typed-answer form).
 */
export function CardFace({ card, revealed, interaction }: { card: CardFaceCard; revealed: boolean; interaction?: ReactNode }) {
  const cloze = card.kind === "CLOZE" ? parseCloze(card.prompt) : null;
  const hasMarkup = cloze?.segments.some((segment) => segment.kind === "blank") ?? false;
  return (
    <article className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4 sm:p-6">
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">{KIND_LABEL[card.kind]}</p>
      <p className="whitespace-pre-line text-xl leading-relaxed break-words">
        <CardText text={cloze ? cloze.front : card.prompt} />
      </p>
      {interaction ?? <ChoiceList card={card} revealed={revealed} />}
      {/* The scroll margins keep the back clear of the study screen's sticky thumb bar when it scrolls into view. */}
      <div
        data-card-back
        className={`flex scroll-mt-4 scroll-mb-40 flex-col gap-2 border-t border-line pt-4 ${revealed ? "" : "invisible"}`}
        aria-hidden={!revealed}
      >
        {cloze && hasMarkup ? (
          <p className="text-lg leading-relaxed break-words">
            {cloze.segments.map((segment, index) =>
              segment.kind === "text" ? (
                <CardText key={index} text={segment.text} />
              ) : (
                <mark key={index} className="rounded bg-good/20 px-1 font-semibold text-ink">
                  {segment.answer}
                </mark>
              ),
            )}
          </p>
        ) : (
          <p className="text-lg font-semibold break-words">
            <span className="sr-only">Answer: </span>
            <CardText text={card.answer} />
          </p>
        )}
        {card.explanation && (
          <p className="text-base text-muted break-words">
            <CardText text={card.explanation} />
          </p>
        )}
        {card.sourceDocument && (
          <p className="text-sm text-muted break-words">
            Source: <cite>{card.sourceDocument}</cite>
          </p>
        )}
      </div>
    </article>
  );
}

function ChoiceList({ card, revealed }: { card: CardFaceCard; revealed: boolean }) {
  const choices = listChoices(card);
  if (choices.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2">
      {choices.map((choice, index) => {
        const isAnswer = revealed && isCorrectChoice(card, choice);
        return (
          <li
            key={`${index}-${choice}`}
            className={isAnswer ? "rounded-lg border-2 border-good px-3 py-2 font-semibold" : "rounded-lg border border-line px-3 py-2"}
          >
            {choice}
            {isAnswer && <span className="sr-only"> (correct)</span>}
          </li>
        );
      })}
    </ul>
  );
}
