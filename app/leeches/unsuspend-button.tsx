"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestCardAction } from "@/lib/study/device/study-api";

/** Puts a suspended leech back into the learner's reviews, through the same card action the study screen uses. */
export function UnsuspendButton({ cardId, label }: { cardId: string; label: string }) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  async function unsuspend() {
    setState("pending");
    if (await requestCardAction(cardId, "unsuspend")) router.refresh();
    else setState("failed");
  }
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        disabled={state === "pending"}
        onClick={unsuspend}
        className="inline-flex min-h-11 items-center justify-center rounded-lg border border-line bg-surface px-4 font-semibold text-ink disabled:opacity-60"
      >
        Unsuspend<span className="sr-only"> {label}</span>
      </button>
      {state === "failed" && (
        <p role="alert" className="text-sm font-medium text-again">
          That did not work. Check your connection.
        </p>
      )}
    </div>
  );
}
