"use client";
import { useRouter } from "next/navigation";
import { Field } from "@/app/_components/field";
import { useActionFeedback } from "@/app/_components/use-action-feedback";
import { FormMessage } from "../../_components/form-message";
import { primaryButton } from "../../_components/styles";
import { createDeckAction } from "../actions";

export function NewDeckForm() {
  const router = useRouter();
  const { errors, message, pending, submit, formProps } = useActionFeedback();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await submit(() =>
      createDeckAction({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? ""), tags: String(form.get("tags") ?? "") }),
    );
    if (result.ok) router.push(`/teach/decks/${result.data.id}`);
  }

  return (
    <form {...formProps} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Name" name="name" required maxLength={100} error={errors.name?.[0]} />
      <Field label="Description" name="description" maxLength={2000} error={errors.description?.[0]} />
      <Field label="Tags" name="tags" hint="Separate tags with commas." error={errors.tags?.[0]} />
      <FormMessage {...message} />
      <button type="submit" disabled={pending} className={primaryButton}>
        Create deck
      </button>
    </form>
  );
}
