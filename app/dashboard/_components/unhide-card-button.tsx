"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestCardAction } from "@/lib/study/device/study-api";

/** Unsuspend or Unbury one card, then show the page again with the card back in study. */
export function UnhideCardButton({ cardId, action, cardName }: { cardId: string; action: "unsuspend" | "unbury"; cardName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const done = await requestCardAction(cardId, action);
          setPending(false);
          setFailed(!done);
          if (done) router.refresh();
        }}
        className="min-h-11 rounded-lg border-2 border-brand px-3 font-semibold text-brand disabled:opacity-60"
      >
        {action === "unsuspend" ? "Unsuspend" : "Unbury"}
        <span className="sr-only">: {cardName}</span>
      </button>
      {failed && (
        <span role="alert" className="text-sm text-again">
          That did not work. Check your connection.
        </span>
      )}
    </span>
  );
}
