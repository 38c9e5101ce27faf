"use client";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { forgetLearner } from "@/lib/study/device/offline-store";

const NEEDS_NETWORK = "Signing out needs the network. Reviews waiting on this device stay safe and sync when you are back online.";

/**
 * Ends the session on the server and here, then opens the start page on the host the user is on: next-auth's
 * own redirect would go to NEXTAUTH_URL's host, which may not be the one in the address bar (127.0.0.1, a LAN address).
 * Offline, or with the server unreachable, nothing is ended and the user is told why.
 */
function useEndSession(onNeedsNetwork: () => void) {
  const router = useRouter();
  return async () => {
    if (!navigator.onLine) return onNeedsNetwork();
    // Revoke server-side first, so a copied token stops working too.
    const revoked = await fetch("/api/auth/revoke", { method: "POST" }).then(
      () => true,
      () => false,
    );
    if (!revoked) return onNeedsNetwork();
    await forgetLearner().catch(() => {});
    await signOut({ redirect: false });
    router.push("/");
    router.refresh();
  };
}

const BUTTON = "inline-flex min-h-11 items-center justify-center rounded-lg border border-line px-2 font-medium sm:px-3";

function NetworkNotice({ notice, onClose }: { notice: string | null; onClose: () => void }) {
  useEffect(() => {
    window.addEventListener("online", onClose);
    return () => window.removeEventListener("online", onClose);
  }, [onClose]);
  if (!notice) return null;
  return (
    // Over the top of the page, clear of the study screen's answer bar at the bottom.
    <div role="alert" className="fixed inset-x-4 top-4 z-20 flex items-start gap-2 rounded-lg border border-warn bg-surface p-3 text-sm shadow-lg">
      <p className="flex-1">{notice}</p>
      <button type="button" onClick={onClose} className="min-h-11 min-w-11 rounded-lg border border-line px-3 font-medium">
        OK
      </button>
    </div>
  );
}

/** Sign out; a guest is warned first, because a guest cannot sign back in, and offered to keep everything by creating an account. */
export function SignOutButton({ isGuest = false }: { isGuest?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const endSession = useEndSession(() => {
    dialog.current?.close();
    setNotice(NEEDS_NETWORK);
  });
  const notification = <NetworkNotice notice={notice} onClose={() => setNotice(null)} />;
  if (!isGuest) {
    return (
      <>
        <button type="button" onClick={endSession} className={BUTTON}>
          Sign out
        </button>
        {notification}
      </>
    );
  }
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className={BUTTON}>
        Sign out
      </button>
      {notification}
      <dialog
        ref={dialog}
        aria-labelledby="guest-sign-out-heading"
        className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-2xl border border-line bg-surface p-4 text-base text-ink backdrop:bg-black/50"
      >
        <h2 id="guest-sign-out-heading" className="text-lg font-bold">
          Sign out of the guest account?
        </h2>
        <p className="mt-2">A guest cannot sign back in: your reviews and progress would be lost. Create an account first and everything comes with you.</p>
        <div className="mt-4 flex flex-col gap-2">
          <Link
            href="/signup"
            onClick={() => dialog.current?.close()}
            className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand px-4 font-semibold text-brand-ink"
          >
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
