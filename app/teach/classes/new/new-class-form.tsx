"use client";
import { useRouter } from "next/navigation";
import { Field } from "@/app/_components/field";
import { useActionFeedback } from "@/app/_components/use-action-feedback";
import { FormMessage } from "../../_components/form-message";
import { primaryButton } from "../../_components/styles";
import { createClassAction } from "../actions";

export function NewClassForm() {
  const router = useRouter();
  const { errors, message, pending, submit, formProps } = useActionFeedback();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    const result = await submit(() => createClassAction({ name }));
    if (result.ok) router.push(`/teach/classes/${result.data.id}`);
  }

  return (
    <form {...formProps} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Name" name="name" required maxLength={100} hint="For example “NATO seminar, spring term”." error={errors.name?.[0]} />
      <FormMessage {...message} />
      <button type="submit" disabled={pending} className={primaryButton}>
        Create class
      </button>
    </form>
  );
}
