"use client";
import { reachAction } from "@/app/_components/reach-action";
import Link from "next/link";
import { useState } from "react";
import { Field } from "@/app/_components/field";
import { useFieldErrors } from "@/app/_components/use-field-errors";
import { joinClassAction } from "./actions";

/** The join-code form; a join link fills the code in, and the student still presses "Join class" (no joining on GET). */
export function JoinForm({ initialCode = "" }: { initialCode?: string }) {
  const [refusal, setRefusal] = useState<{ code: string[] }>();
  const { errors, formProps } = useFieldErrors(refusal);
  const [joined, setJoined] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await reachAction(joinClassAction({ code: String(new FormData(event.currentTarget).get("code") ?? "") }));
    setPending(false);
    if (!result.ok) return setRefusal({ code: [result.fieldErrors?.code?.[0] ?? result.message] });
    setRefusal(undefined);
    setJoined(result.data.name);
  }

  if (joined) {
    return (
      <div role="status" className="flex flex-col gap-3">
        <p className="text-lg font-semibold text-good">You joined {joined}.</p>
        <p>Its assigned decks are now in your study list.</p>
        <Link href="/decks" className="inline-flex min-h-11 items-center justify-center self-start rounded-lg bg-brand px-4 font-semibold text-brand-ink">
          Go to my decks
        </Link>
      </div>
    );
  }
  return (
    <form {...formProps} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field
        label="Join code"
        name="code"
        required
        autoComplete="off"
        defaultValue={initialCode}
        maxLength={40}
        hint="8 letters and digits, from your teacher."
        error={errors.code?.[0]}
      />
      <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-brand px-4 font-semibold text-brand-ink disabled:opacity-60">
        Join class
      </button>
    </form>
  );
}
