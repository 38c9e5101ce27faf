"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signInErrorMessage } from "@/app/(auth)/signin/sign-in-errors";

/**
 * Starts a guest session and opens Decks. Without next-auth's redirect, which would send the browser to
 * NEXTAUTH_URL's host (localhost) while the session cookie belongs to the host in use (127.0.0.1, a LAN address).
 */
export function TryAsGuestButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function start() {
    setPending(true);
    setError(undefined);
    const result = await signIn("guest", { redirect: false });
    if (result?.ok) {
      router.push("/decks");
      router.refresh();
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result?.error ?? "Guest"));
  }

  return (
    <div className="flex flex-col gap-2">
      <button type="button" onClick={start} disabled={pending} className="min-h-12 rounded-lg border border-line px-5 font-semibold disabled:opacity-60">
        Try it without an account
      </button>
      {error && (
        <p role="alert" className="font-medium text-again">
          {error}
        </p>
      )}
    </div>
  );
}
