"use client";
import { reachAction } from "@/app/_components/reach-action";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/app/_components/field";
import { deleteAccountAction } from "../actions";

/** Deletion is final, so the learner first types their email (guests, who have none, type "delete"). */
export function DeleteAccountForm({ email }: { email: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await reachAction(deleteAccountAction({ confirmation: String(new FormData(event.currentTarget).get("confirmation") ?? "") }));
    if (!result.ok) {
      setPending(false);
      setError(result.fieldErrors?.confirmation?.[0] ?? result.message);
      return;
    }
    // Not through next-auth's redirect, which would go to NEXTAUTH_URL's host rather than the one in use.
    await signOut({ redirect: false });
    router.push("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <p>
        This removes your account, progress, review history, class memberships and your own decks. It cannot be undone; export your data first if you may want
        it.
      </p>
      <Field
        label={email ? "Type your email to confirm" : "Type delete to confirm"}
        name="confirmation"
        autoComplete="off"
        required
        hint={email ? `Your email is ${email}.` : undefined}
        error={error}
      />
      <button type="submit" disabled={pending} className="min-h-12 self-start rounded-lg bg-again px-6 font-semibold text-brand-ink disabled:opacity-60">
        Delete account
      </button>
    </form>
  );
}
