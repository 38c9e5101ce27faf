"use client";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Field } from "@/app/_components/field";
import { useActionFeedback } from "@/app/_components/use-action-feedback";
import { signUpAction } from "./actions";

/**
 * Sign-up; with a join code (from a class's join link) the new student lands in that class, and with a
 * `callbackUrl` (the page a sign-in was for) the new account opens that page.
 */
export function SignUpForm({ joinCode, callbackUrl }: { joinCode?: string; callbackUrl?: string }) {
  const router = useRouter();
  const { errors, message, pending, submit, formProps } = useActionFeedback();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      role: form.get("role") === "TEACHER" ? "TEACHER" : "STUDENT",
      ...(joinCode ? { joinCode } : {}),
    };
    const result = await submit(() => signUpAction(input));
    if (!result.ok) return;
    const next = result.data.joinedClass ? "/decks?joined=1" : (callbackUrl ?? (input.role === "TEACHER" ? "/teach" : "/decks"));
    const signedIn = await signIn("credentials", { email: result.data.email, password: input.password, redirect: false });
    // The account exists either way; if signing in was refused (throttled), the sign-in page says why.
    if (!signedIn?.ok) router.push(`/signin?callbackUrl=${encodeURIComponent(next)}${signedIn?.error ? `&error=${encodeURIComponent(signedIn.error)}` : ""}`);
    else router.push(next);
    router.refresh();
  }

  return (
    <form {...formProps} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {joinCode && (
        <p className="rounded-lg border border-line bg-surface p-3">
          You are joining a class with the code <span className="font-mono font-semibold">{joinCode}</span>. Your account will be a student account in that
          class. Already have an account?{" "}
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/join/${joinCode}`)}`} className="text-brand underline">
            Sign in to join
          </Link>
          .
        </p>
      )}
      <Field label="Name" name="name" autoComplete="name" required maxLength={80} error={errors.name?.[0]} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email?.[0]} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters; a long phrase is best."
        error={errors.password?.[0]}
      />
      {!joinCode && (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-semibold">I am a</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="role" value="STUDENT" defaultChecked /> Student
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="role" value="TEACHER" /> Teacher
          </label>
        </fieldset>
      )}
      {message.error && (
        <p role="alert" className="font-medium text-again">
          {message.error}
        </p>
      )}
      <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-brand px-4 font-semibold text-brand-ink disabled:opacity-60">
        {joinCode ? "Create account and join" : "Create account"}
      </button>
    </form>
  );
}
