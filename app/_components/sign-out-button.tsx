"use client";
import { signOut } from "next-auth/react";
import { forgetLearner } from "@/app/study/_components/offline-store";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        // Revoke server-side first, so a copied token stops working too.
        await fetch("/api/auth/revoke", { method: "POST" });
        await forgetLearner().catch(() => {});
        await signOut({ callbackUrl: "/" });
      }}
      className="inline-flex min-h-11 items-center rounded-lg border border-line px-3 font-medium"
    >
      Sign out
    </button>
  );
}
