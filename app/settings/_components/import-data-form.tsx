"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { IMPORT_MAX_BYTES, type ImportSummary } from "@/lib/portability/schema";

const answerSchema = z.union([
  z.object({ cardStates: z.number(), reviews: z.number(), duplicateReviews: z.number(), skippedCards: z.number() }),
  z.object({ message: z.string() }),
]);

function describe(summary: ImportSummary): string {
  const parts = [`Imported ${summary.cardStates} card states and ${summary.reviews} reviews.`];
  if (summary.duplicateReviews > 0) parts.push(`${summary.duplicateReviews} reviews were already here.`);
  if (summary.skippedCards > 0) parts.push(`${summary.skippedCards} cards were skipped because they no longer exist or are not visible to you.`);
  return parts.join(" ");
}

/** Sends an export file to the import endpoint and reports what was imported and skipped. */
export function ImportDataForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setMessage({ ok: false, text: "Choose an export file first." });
    if (file.size > IMPORT_MAX_BYTES) return setMessage({ ok: false, text: "The file is larger than 20 MB." });
    setPending(true);
    const response = await fetch("/api/me/import", { method: "POST", headers: { "Content-Type": "application/json" }, body: file });
    setPending(false);
    const answer = answerSchema.safeParse(await response.json().catch(() => null));
    if (!answer.success) return setMessage({ ok: false, text: "The import failed. Try again." });
    if ("message" in answer.data) return setMessage({ ok: false, text: answer.data.message });
    setMessage({ ok: true, text: describe(answer.data) });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor="import-file" className="text-sm font-semibold">
          Import data
        </label>
        <input id="import-file" name="file" type="file" accept="application/json,.json" aria-describedby="import-hint" className="min-h-12 text-base" />
        <p id="import-hint" className="text-sm text-muted">
          A JSON export from this app, up to 20 MB. Your settings, card states and reviews are replaced or added; nothing is imported unless all of it is.
        </p>
      </div>
      <p role="status" className={message?.ok ? "font-medium text-good" : "font-medium text-again"}>
        {message?.text ?? ""}
      </p>
      <button type="submit" disabled={pending} className="min-h-12 self-start rounded-lg border border-line px-6 font-semibold disabled:opacity-60">
        Import
      </button>
    </form>
  );
}
