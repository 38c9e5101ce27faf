import { isCorrectChoice } from "@/lib/cards/choices";
import type { QuizQuestion } from "@/lib/study/schema";
import { withImagesAsText } from "@/lib/media/card-images";

export type QuizAnswer = { question: QuizQuestion; choice: string; reviewId: string; answeredAt: string };

function formatTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Score, time and every question with the learner's answer next to the right one. */
export function QuizResults({
  answers,
  durationMs,
  saveStatus,
  onRestart,
}: {
  answers: QuizAnswer[];
  durationMs: number;
  saveStatus: string;
  onRestart: () => void;
}) {
  const correct = answers.filter((answer) => isCorrectChoice(answer.question, answer.choice)).length;
  return (
    <section aria-labelledby="results-heading" className="flex flex-col gap-4">
      <h2 id="results-heading" className="text-2xl font-bold">
        Quiz results
      </h2>
      <dl className="grid grid-cols-2 gap-2 rounded-2xl border border-line bg-surface p-4">
        <dt className="text-muted">Score</dt>
        <dd className="font-semibold">
          {correct} / {answers.length} ({Math.round((correct / answers.length) * 100)}%)
        </dd>
        <dt className="text-muted">Time</dt>
        <dd className="font-semibold">{formatTime(durationMs)}</dd>
      </dl>
      <p role="status" aria-live="polite" className="min-h-6 text-sm text-muted">
        {saveStatus}
      </p>
      <ol className="flex flex-col gap-3">
        {answers.map((answer, index) => {
          const right = isCorrectChoice(answer.question, answer.choice);
          return (
            <li key={answer.question.id} className={`flex flex-col gap-1 rounded-xl border-2 bg-surface p-3 ${right ? "border-good" : "border-again"}`}>
              <p className="font-medium break-words">
                {index + 1}. {withImagesAsText(answer.question.prompt)}
              </p>
              <p className={right ? "text-good" : "text-again"}>
                {right ? "✓ Correct" : "✗ Wrong"}: you answered {answer.choice}
              </p>
              {!right && (
                <p>
                  Correct answer: <span className="font-semibold">{answer.question.answer}</span>
                </p>
              )}
              {answer.question.explanation && <p className="text-sm text-muted break-words">{answer.question.explanation}</p>}
              {answer.question.sourceDocument && (
                <p className="text-sm text-muted">
                  Source: <cite>{answer.question.sourceDocument}</cite>
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={onRestart} className="min-h-12 rounded-xl border-2 border-brand font-semibold text-brand">
        New quiz
      </button>
    </section>
  );
}
