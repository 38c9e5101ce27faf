"use client";
import { signOut } from "next-auth/react";
import { useEffect, useState } from "react";
import { forgetLearner } from "@/app/study/_components/offline-store";

const NEEDS_NETWORK = "Signing out needs the network. Reviews waiting on this device stay safe and sync when you are back online.";

export function SignOutButton() {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const clear = () => setNotice(null);
    window.addEventListener("online", clear);
    return () => window.removeEventListener("online", clear);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          if (!navigator.onLine) return setNotice(NEEDS_NETWORK);
          // Revoke server-side first, so a copied token stops working too.
          const revoked = await fetch("/api/auth/revoke", { method: "POST" }).then(
            () => true,
            () => false,
          );
          if (!revoked) return setNotice(NEEDS_NETWORK);
          await forgetLearner().catch(() => {});
          await signOut({ callbackUrl: "/" });
        }}
        className="inline-flex min-h-11 items-center rounded-lg border border-line px-3 font-medium"
      >
        Sign out
      </button>
      {notice && (
        // Over the top of the page, clear of the study screen's answer bar at the bottom.
        <div role="alert" className="fixed inset-x-4 top-4 z-20 flex items-start gap-2 rounded-lg border border-warn bg-surface p-3 text-sm shadow-lg">
          <p className="flex-1">{notice}</p>
          <button type="button" onClick={() => setNotice(null)} className="min-h-11 min-w-11 rounded-lg border border-line px-3 font-medium">
            OK
          </button>
        </div>
      )}
    </>
  );
}
