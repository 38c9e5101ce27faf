"use client";
import { useEffect, useRef, useState } from "react";

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * The field errors a form shows: those the server last returned, minus each field edited since (its error is
 * stale the moment the user starts fixing it). After every refusal with field errors, focus moves to the first
 * invalid field, which may be far above the button that was pressed. Spread `formProps` on the <form>.
 */
export function useFieldErrors(serverErrors: FieldErrors | undefined) {
  const formRef = useRef<HTMLFormElement>(null);
  const [edited, setEdited] = useState<{ for: FieldErrors | undefined; names: ReadonlySet<string> }>({ for: serverErrors, names: new Set() });
  // A new answer from the server starts afresh: every field it names is invalid again.
  const editedNames = edited.for === serverErrors ? edited.names : new Set<string>();

  useEffect(() => {
    if (!serverErrors || !Object.values(serverErrors).some((messages) => messages?.length)) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [serverErrors]);

  const errors: FieldErrors = {};
  for (const [name, messages] of Object.entries(serverErrors ?? {})) if (!editedNames.has(name)) errors[name] = messages;

  function onInput(event: React.FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (!name || !serverErrors?.[name] || editedNames.has(name)) return;
    setEdited({ for: serverErrors, names: new Set(editedNames).add(name) });
  }

  const hadErrors = Object.values(serverErrors ?? {}).some((messages) => messages?.length);
  const allFixed = hadErrors && !Object.values(errors).some((messages) => messages?.length);
  return { errors, allFixed, formProps: { ref: formRef, onInput } };
}
