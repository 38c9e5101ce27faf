"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRefreshingAction } from "@/app/_components/use-action-feedback";
import { FormMessage } from "../../../_components/form-message";
import { dangerButton, inputClass, labelClass, primaryButton, secondaryButton } from "../../../_components/styles";
import { assignDeckAction, deleteClassAction, regenerateJoinCodeAction, removeStudentAction, setSignUpLimitAction, unassignDeckAction } from "../../actions";

export function RegenerateCodeButton({ classId }: { classId: string }) {
  const { pending, message, run } = useRefreshingAction();
  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => regenerateJoinCodeAction({ classId }), "New code made; the old one no longer works.")}
        className={`${secondaryButton} self-start`}
      >
        Regenerate code
      </button>
      <FormMessage {...message} />
    </div>
  );
}

/** The teacher's limit on accounts made through the join link per hour. */
export function SignUpLimitForm({ classId, signUpsPerHour, min, max }: { classId: string; signUpsPerHour: number; min: number; max: number }) {
  const { pending, message, errors, run, formProps } = useRefreshingAction();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("signUpsPerHour") ?? "");
    return run(() => setSignUpLimitAction({ classId, signUpsPerHour: value }), "Limit saved.");
  }
  return (
    <form {...formProps} onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      <label htmlFor="sign-up-limit" className={labelClass}>
        New accounts per hour through the join link
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <input
          id="sign-up-limit"
          name="signUpsPerHour"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          defaultValue={signUpsPerHour}
          aria-describedby="sign-up-limit-hint"
          aria-invalid={errors.signUpsPerHour ? true : undefined}
          className={`${inputClass} max-w-32`}
        />
        <button type="submit" disabled={pending} className={primaryButton}>
          Save limit
        </button>
      </div>
      <p id="sign-up-limit-hint" className="text-sm text-muted">
        Your class size plus a few. From {min} to {max}.
      </p>
      <FormMessage error={errors.signUpsPerHour?.[0] ?? message.error} success={message.success} />
    </form>
  );
}

/** Removing a student asks first: the button sits among others in the roster, and a slip would drop them from the class. */
export function RemoveStudentButton({ classId, student }: { classId: string; student: { id: string; name: string } }) {
  const { pending, message, run } = useRefreshingAction();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className={dangerButton}>
        Remove {student.name}
      </button>
    );
  }
  const questionId = `confirm-remove-${student.id}`;
  return (
    <div role="alertdialog" aria-labelledby={questionId} className="flex flex-col gap-2 rounded-lg border border-again p-3">
      <p id={questionId}>Remove {student.name} from the class? They can join again with the code; their own progress stays.</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => removeStudentAction({ classId, userId: student.id }), `${student.name} removed.`)}
          className={dangerButton}
        >
          Yes, remove {student.name}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className={secondaryButton}>
          Keep {student.name}
        </button>
      </div>
      <FormMessage error={message.error} />
    </div>
  );
}

export function UnassignButton({ classId, assignment }: { classId: string; assignment: { id: string; deckName: string } }) {
  const { pending, message, run } = useRefreshingAction();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => unassignDeckAction({ classId, assignmentId: assignment.id }), "Unassigned.")}
        className={secondaryButton}
      >
        Unassign {assignment.deckName}
      </button>
      <FormMessage error={message.error} />
    </>
  );
}

export function AssignDeckForm({ classId, decks }: { classId: string; decks: { id: string; name: string; mine: boolean }[] }) {
  const { pending, message, errors, run, formProps } = useRefreshingAction();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? "");
    const input = {
      classId,
      deckId: field("deckId"),
      targetDate: field("targetDate"),
      dailyGoal: field("dailyGoal"),
      examDate: field("examDate"),
      targetRecall: field("targetRecall"),
      finishDaysBefore: field("finishDaysBefore"),
    };
    return run(() => assignDeckAction(input), "Deck assigned.");
  }
  if (decks.length === 0) return <p className="text-muted">Create a deck first, or publish one, to assign it.</p>;
  return (
    <form {...formProps} onSubmit={onSubmit} className="grid grid-cols-1 gap-3 sm:grid-cols-3" noValidate>
      <div className="flex flex-col gap-1 sm:col-span-3">
        <label htmlFor="assign-deck" className={labelClass}>
          Deck
        </label>
        <select id="assign-deck" name="deckId" aria-invalid={errors.deckId ? true : undefined} className={inputClass}>
          {decks.map((deck) => (
            <option key={deck.id} value={deck.id}>
              {deck.name}
              {deck.mine ? "" : " (public)"}
            </option>
          ))}
        </select>
        {errors.deckId && <p className="text-sm font-medium text-again">{errors.deckId[0]}</p>}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="assign-target" className={labelClass}>
          Target date
        </label>
        <input id="assign-target" name="targetDate" type="date" aria-invalid={errors.targetDate ? true : undefined} className={inputClass} />
        {errors.targetDate && <p className="text-sm font-medium text-again">{errors.targetDate[0]}</p>}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="assign-goal" className={labelClass}>
          Daily goal
        </label>
        <input
          id="assign-goal"
          name="dailyGoal"
          type="number"
          min={1}
          max={1000}
          inputMode="numeric"
          aria-invalid={errors.dailyGoal ? true : undefined}
          className={inputClass}
        />
        {errors.dailyGoal && <p className="text-sm font-medium text-again">{errors.dailyGoal[0]}</p>}
      </div>
      <fieldset className="grid grid-cols-1 gap-3 sm:col-span-3 sm:grid-cols-3">
        <legend className={`${labelClass} mb-1`}>Exam (optional)</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor="assign-exam" className={labelClass}>
            Exam date
          </label>
          <input id="assign-exam" name="examDate" type="date" aria-describedby="assign-exam-hint" className={inputClass} />
          {errors.examDate && <p className="text-sm font-medium text-again">{errors.examDate[0]}</p>}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="assign-recall" className={labelClass}>
            Target recall (%)
          </label>
          <input id="assign-recall" name="targetRecall" type="number" min={50} max={99} defaultValue={90} inputMode="numeric" className={inputClass} />
          {errors.targetRecall && <p className="text-sm font-medium text-again">{errors.targetRecall[0]}</p>}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="assign-finish" className={labelClass}>
            New cards done, days before
          </label>
          <input id="assign-finish" name="finishDaysBefore" type="number" min={0} max={60} defaultValue={7} inputMode="numeric" className={inputClass} />
          {errors.finishDaysBefore && <p className="text-sm font-medium text-again">{errors.finishDaysBefore[0]}</p>}
        </div>
        <p id="assign-exam-hint" className="text-sm text-muted sm:col-span-3">
          Students get the deck&apos;s new cards at a pace that finishes before the exam, and their weakest cards first.
        </p>
      </fieldset>
      <button type="submit" disabled={pending} className={`${primaryButton} self-end`}>
        Assign
      </button>
      <div className="sm:col-span-3">
        <FormMessage {...message} />
      </div>
    </form>
  );
}

export function DeleteClassButton({ classId, name }: { classId: string; name: string }) {
  const router = useRouter();
  const { pending, message, run } = useRefreshingAction();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" onClick={() => setConfirming(true)} className={`${dangerButton} self-start`}>
        Delete class
      </button>
    );
  return (
    <div role="alertdialog" aria-labelledby="confirm-delete-class" className="flex flex-col gap-2 rounded-lg border border-again p-3">
      <p id="confirm-delete-class">Delete “{name}”? Students leave the class and its assignments end; their own progress stays.</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            run(
              () => deleteClassAction({ classId }),
              "Class deleted.",
              () => router.push("/teach"),
            )
          }
          className={dangerButton}
        >
          Yes, delete class
        </button>
        <button type="button" onClick={() => setConfirming(false)} className={secondaryButton}>
          Cancel
        </button>
      </div>
      <FormMessage error={message.error} />
    </div>
  );
}
