"use client";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { forgetLearner } from "@/app/study/_components/offline-store";

/**
 * Ends the session on the server and here, then opens the start page on the host the user is on: next-auth's
 * own redirect would go to NEXTAUTH_URL's host, which may not be the one in the address bar (127.0.0.1, a LAN address).
 */
function useEndSession() {
  const router = useRouter();
  return async () => {
    // Revoke server-side first, so a copied token stops working too.
    await fetch("/api/auth/revoke", { method: "POST" });
    await forgetLearner().catch(() => {});
    await signOut({ redirect: false });
    router.push("/");
    router.refresh();
  };
}

const BUTTON = "inline-flex min-h-11 items-center justify-center rounded-lg border border-line px-2 font-medium sm:px-3";

/** Sign out; a guest is warned first, because a guest cannot sign back in, and offered to keep everything by creating an account. */
export function SignOutButton({ isGuest = false }: { isGuest?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const endSession = useEndSession();
  if (!isGuest) {
    return (
      <button type="button" onClick={endSession} className={BUTTON}>
        Sign out
      </button>
    );
  }
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className={BUTTON}>
        Sign out
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="guest-sign-out-heading"
        className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-2xl border border-line bg-surface p-4 text-base text-ink backdrop:bg-black/50"
      >
        <h2 id="guest-sign-out-heading" className="text-lg font-bold">Sign out of the guest account?</h2>
        <p className="mt-2">A guest cannot sign back in: your reviews and progress would be lost. Create an account first and everything comes with you.</p>
        <div className="mt-4 flex flex-col gap-2">
          <Link href="/signup" onClick={() => dialog.current?.close()} className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand px-4 font-semibold text-brand-ink">
            Create an account first
          </Link>
          <button type="button" onClick={endSession} className="min-h-12 rounded-lg border border-again px-4 font-semibold text-again">
            Sign out and lose my progress
          </button>
          <button type="button" onClick={() => dialog.current?.close()} className="min-h-12 rounded-lg border border-line px-4 font-semibold">
            Stay signed in
          </button>
        </div>
      </dialog>
    </>
  );
}
