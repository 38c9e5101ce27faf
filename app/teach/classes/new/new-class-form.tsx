"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "../../_components/form-message";
import { primaryButton } from "../../_components/styles";
import { createClassAction } from "../actions";

export function NewClassForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await createClassAction({ name: String(new FormData(event.currentTarget).get("name") ?? "") });
    if (!result.ok) {
      setPending(false);
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    router.push(`/teach/classes/${result.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Name" name="name" required maxLength={100} hint="For example “NATO seminar, spring term”." error={errors.name?.[0]} />
      <FormMessage error={message} />
      <button type="submit" disabled={pending} className={primaryButton}>Create class</button>
    </form>
  );
}
