"use client";
import { useEffect, useRef, useState } from "react";
import { CardText } from "@/app/_components/card-text";
import { listChoices } from "@/lib/cards/choices";
import { createClientId } from "@/lib/study/device/client-id";
import type { QuizAttemptInput, QuizCard, QuizQuestion } from "@/lib/study/schema";
import { QuizResults, type QuizAnswer } from "./quiz-results";
import { QuizSetup, type QuizOptions } from "./quiz-setup";

type Phase =
  | { name: "setup" }
  | { name: "running"; questions: QuizQuestion[]; answers: QuizAnswer[]; startedAt: number }
  | { name: "done"; answers: QuizAnswer[]; durationMs: number };

const SAVE_ATTEMPTS = 5;

function shuffle<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Asks a card through one of its faces at random, with multiple-choice options in a fresh order. */
function askThroughAFace(card: QuizCard): QuizQuestion {
  const face = Math.floor(Math.random() * card.faces.length);
  const chosen = card.faces[face]!;
  return {
    ...chosen,
    choices: chosen.kind === "MCQ" ? shuffle(chosen.choices) : chosen.choices,
    id: card.id,
    face,
    explanation: card.explanation,
    sourceDocument: card.sourceDocument,
  };
}

/** Retries with backoff under the same attemptId and reviewIds, which the server applies once. */
async function saveAttempt(body: QuizAttemptInput): Promise<boolean> {
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    try {
      const response = await fetch("/api/quiz/attempts", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (response.ok) return true;
      if (response.status < 500 && response.status !== 429) return false;
    } catch {
      // Offline: wait and try again.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
  }
  return false;
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  return (
    <span className="tabular-nums">
      {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, "0")}
    </span>
  );
}

/**
 * A timed practice test: questions drawn at random, answered by tapping, scored at the end. Answers only
 * reach the schedule when the learner asked for it; the attempt itself is always saved.
 */
export function QuizRunner({ deckId, questions }: { deckId: string; questions: QuizCard[] }) {
  const [options, setOptions] = useState<QuizOptions>({ length: 10, record: false });
  const [phase, setPhase] = useState<Phase>({ name: "setup" });
  const [saveStatus, setSaveStatus] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);

  // Each new question takes focus, so screen readers read it and keyboard users start from its options.
  const questionNumber = phase.name === "running" ? phase.answers.length : -1;
  useEffect(() => heading.current?.focus(), [questionNumber]);

  if (questions.length === 0) return <p className="text-muted">This deck has no multiple choice or true/false cards to quiz on.</p>;

  if (phase.name === "setup") {
    return (
      <QuizSetup
        available={questions.length}
        options={options}
        onChange={setOptions}
        onStart={() =>
          setPhase({ name: "running", questions: shuffle(questions).slice(0, options.length).map(askThroughAFace), answers: [], startedAt: Date.now() })
        }
      />
    );
  }

  if (phase.name === "done") {
    return <QuizResults answers={phase.answers} durationMs={phase.durationMs} saveStatus={saveStatus} onRestart={() => setPhase({ name: "setup" })} />;
  }

  const question = phase.questions[phase.answers.length]!;
  function answer(choice: string, answeredAt: Date) {
    if (phase.name !== "running") return;
    const answers = [...phase.answers, { question, choice, reviewId: createClientId(), answeredAt: answeredAt.toISOString() }];
    if (answers.length < phase.questions.length) return setPhase({ ...phase, answers });
    const durationMs = answeredAt.getTime() - phase.startedAt;
    setPhase({ name: "done", answers, durationMs });
    setSaveStatus("Saving your results…");
    const body: QuizAttemptInput = {
      attemptId: createClientId(),
      deckId,
      durationMs,
      record: options.record,
      answers: answers.map((given) => ({
        cardId: given.question.id,
        face: given.question.face,
        choice: given.choice,
        reviewId: given.reviewId,
        answeredAt: given.answeredAt,
      })),
    };
    void saveAttempt(body).then((saved) =>
      setSaveStatus(
        saved ? (options.record ? "Saved, and recorded in your schedule." : "Saved. Your schedule was not changed.") : "Could not save the results.",
      ),
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between text-sm text-muted">
        <span>
          Question {phase.answers.length + 1} of {phase.questions.length}
        </span>
        <span>
          Time <Elapsed since={phase.startedAt} />
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Quiz progress"
        aria-valuemin={0}
        aria-valuemax={phase.questions.length}
        aria-valuenow={phase.answers.length}
        className="h-2 overflow-hidden rounded-full bg-line"
      >
        <div className="h-full bg-brand" style={{ width: `${(phase.answers.length / phase.questions.length) * 100}%` }} />
      </div>
      <h2 ref={heading} tabIndex={-1} className="rounded-2xl border border-line bg-surface p-4 text-xl leading-relaxed break-words">
        <CardText text={question.prompt} />
      </h2>
      <div className={question.kind === "TRUEFALSE" ? "grid grid-cols-2 gap-2" : "flex flex-col gap-2"}>
        {listChoices(question).map((choice, index) => (
          <button
            key={`${question.id}-${index}`}
            type="button"
            onClick={() => answer(choice, new Date())}
            className="min-h-14 rounded-xl border-2 border-line bg-surface px-4 py-3 text-left text-base font-medium break-words"
          >
            {choice}
          </button>
        ))}
      </div>
    </div>
  );
}
