"use client";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Field } from "@/app/_components/field";
import { useActionFeedback } from "@/app/_components/use-action-feedback";
import { changePasswordAction } from "../actions";

/** Changing the password ends every session, this one too, so on success the learner is signed out and told why. */
export function ChangePasswordForm() {
  const { errors, message, pending, submit, formProps } = useActionFeedback();
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") };
    const result = await submit(() => changePasswordAction(input));
    if (!result.ok) return;
    // The server already refuses this session's token; clearing the cookie makes the browser agree.
    await signOut({ redirect: false });
    setDone(true);
  }

  if (done) {
    return (
      <p role="status" className="font-medium">
        Password changed. You have been signed out on every device, including this one.{" "}
        <Link href="/signin?callbackUrl=/settings" className="text-brand underline">
          Sign in with your new password
        </Link>
        .
      </p>
    );
  }
  return (
    <form {...formProps} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword?.[0]} />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters. Other sessions end when you change it."
        error={errors.newPassword?.[0]}
      />
      {message.error && (
        <p role="alert" className="font-medium text-again">
          {message.error}
        </p>
      )}
      <button type="submit" disabled={pending} className="min-h-12 self-start rounded-lg border border-line px-6 font-semibold disabled:opacity-60">
        Change password
      </button>
    </form>
  );
}
