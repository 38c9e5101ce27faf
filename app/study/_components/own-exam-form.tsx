"use client";
import { useRefreshingAction } from "@/app/_components/use-action-feedback";
import { FormMessage } from "@/app/teach/_components/form-message";
import { inputClass, labelClass, primaryButton } from "@/app/teach/_components/styles";
import { setOwnDeckExamAction } from "../actions";

type OwnExam = { examDay: string | null; targetRecall: number; finishDaysBefore: number };

/** The exam date a learner sets on a deck of their own; a blank date removes it. */
export function OwnExamForm({ deckId, exam }: { deckId: string; exam: OwnExam }) {
  const { pending, message, errors, run } = useRefreshingAction();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? "");
    const input = { deckId, examDate: field("examDate"), targetRecall: field("targetRecall"), finishDaysBefore: field("finishDaysBefore") };
    return run(() => setOwnDeckExamAction(input), input.examDate ? "Exam saved." : "Exam removed.");
  }
  return (
    <details className="rounded-2xl border border-line bg-surface p-4">
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold">Exam date for this deck</summary>
      <form onSubmit={onSubmit} className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="own-exam-date" className={labelClass}>
            Exam date
          </label>
          <input id="own-exam-date" name="examDate" type="date" defaultValue={exam.examDay ?? ""} className={inputClass} aria-describedby="own-exam-hint" />
          {errors.examDate && <p className="text-sm font-medium text-again">{errors.examDate[0]}</p>}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="own-exam-recall" className={labelClass}>
            Target recall (%)
          </label>
          <input
            id="own-exam-recall"
            name="targetRecall"
            type="number"
            min={50}
            max={99}
            inputMode="numeric"
            defaultValue={Math.round(exam.targetRecall * 100)}
            className={inputClass}
          />
          {errors.targetRecall && <p className="text-sm font-medium text-again">{errors.targetRecall[0]}</p>}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="own-exam-finish" className={labelClass}>
            New cards done, days before
          </label>
          <input
            id="own-exam-finish"
            name="finishDaysBefore"
            type="number"
            min={0}
            max={60}
            inputMode="numeric"
            defaultValue={exam.finishDaysBefore}
            className={inputClass}
          />
          {errors.finishDaysBefore && <p className="text-sm font-medium text-again">{errors.finishDaysBefore[0]}</p>}
        </div>
        <p id="own-exam-hint" className="text-sm text-muted sm:col-span-3">
          Leave the date empty to remove the exam.
        </p>
        <button type="submit" disabled={pending} className={`${primaryButton} sm:col-span-3 sm:justify-self-start`}>
          Save exam
        </button>
        <div className="sm:col-span-3">
          <FormMessage {...message} />
        </div>
      </form>
    </details>
  );
}
