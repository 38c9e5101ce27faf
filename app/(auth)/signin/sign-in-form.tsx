"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/app/_components/field";
import { TryAsGuestButton } from "@/app/_components/try-as-guest-button";
import { signInErrorMessage } from "./sign-in-errors";

/**
 * `initialError` is the message for a failed sign-in that came back here (next-auth's own redirects);
 * `signUpPath` is "Create an account" carrying the join code or page this sign-in was for.
 */
export function SignInForm({ callbackUrl, signUpPath, initialError }: { callbackUrl: string; signUpPath: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (result?.ok) {
      router.push(callbackUrl);
      router.refresh();
      return;
    }
    setError(signInErrorMessage(result?.error ?? "CredentialsSignin"));
  }

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p role="alert" className="font-medium text-again">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-brand px-4 font-semibold text-brand-ink disabled:opacity-60">
          Sign in
        </button>
      </form>
      <p className="text-sm">
        New here?{" "}
        <Link href={signUpPath} className="font-semibold underline">
          Create an account
        </Link>
      </p>
      <TryAsGuestButton />
    </div>
  );
}
