"use client";
import { reachAction } from "@/app/_components/reach-action";
import Link from "next/link";
import { useState } from "react";
import type { GeneratedCard } from "@/lib/generator/types";
import { FormMessage } from "../_components/form-message";
import { cardBox, inputClass, labelClass, primaryButton, secondaryButton } from "../_components/styles";
import { proposeWithAiAction, type AiProposals } from "./ai-actions";
import { CandidateCard } from "./candidate-card";
import { DeckChoice, useDeckTarget } from "./deck-choice";

type Candidate = { card: GeneratedCard; accepted: boolean };

/** "12 kept; dropped: 3 quote not in article, 1 rubric lint." */
function summarise(result: AiProposals): string {
  const dropped = result.dropped.map(({ reason, count }) => `${count} ${reason}`).join(", ");
  const kept = `${result.cards.length} candidate${result.cards.length === 1 ? "" : "s"} kept`;
  const cut = result.truncated ? " Only the first 40,000 characters of the article were sent." : "";
  return `${kept}${dropped ? `; dropped: ${dropped}` : "; none dropped"}.${cut}`;
}

/**
 * The optional AI assistant, rendered only when the server is configured for one. It reads the article from the
 * generate form's fields by their ids (article-text, article-name) rather than sharing its state, so the form
 * itself stays untouched; its candidates are reviewed and saved here, apart from the generator's.
 */
export function AiAssistPanel({ decks }: { decks: { id: string; name: string }[] }) {
  const [frame, setFrame] = useState({ event: "", place: "", date: "" });
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [status, setStatus] = useState<string>();
  const target = useDeckTarget(decks);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [pending, setPending] = useState(false);
  const accepted = candidates.filter((candidate) => candidate.accepted).map((candidate) => candidate.card);

  async function onAsk() {
    const text = (document.getElementById("article-text") as HTMLTextAreaElement | null)?.value ?? "";
    const name = (document.getElementById("article-name") as HTMLInputElement | null)?.value || "Pasted article";
    setMessage({});
    target.clearSaved();
    if (!text.trim()) return setMessage({ error: "Paste or upload the article above first." });
    setPending(true);
    setStatus("Asking the AI assistant… this can take a while.");
    const result = await reachAction(proposeWithAiAction({ name, text, frame }));
    setPending(false);
    if (!result.ok) {
      setStatus(undefined);
      const field = result.fieldErrors && Object.values(result.fieldErrors).flat()[0];
      return setMessage({ error: field ?? result.message });
    }
    setCandidates(result.data.cards.map((card) => ({ card, accepted: true })));
    setStatus(`${result.data.model}: ${summarise(result.data)}`);
  }

  async function onSave() {
    setPending(true);
    setMessage(await target.save(accepted));
    setPending(false);
  }

  const update = (index: number, change: Partial<Candidate>) =>
    setCandidates((current) => current.map((candidate, i) => (i === index ? { ...candidate, ...change } : candidate)));
  const field = (key: keyof typeof frame, label: string, hint?: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`ai-frame-${key}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`ai-frame-${key}`}
        value={frame[key]}
        onChange={(event) => setFrame({ ...frame, [key]: event.target.value })}
        placeholder={hint}
        className={inputClass}
      />
    </div>
  );

  return (
    <section aria-labelledby="ai-assist-heading" className="flex flex-col gap-4">
      <div className={cardBox}>
        <h2 id="ai-assist-heading" className="text-xl font-semibold">
          AI assistant (optional)
        </h2>
        <p className="text-sm text-muted">
          Sends the article above to the AI model this server is set up with and asks for candidate facts. Each must quote a sentence of the article word for
          word and pass the same checks as the shipped deck; the rest are dropped and counted. Kept candidates are marked AI-proposed: check each one before
          saving.
        </p>
        {field("event", "Event the article reports", "NATO summit in The Hague")}
        {field("place", "Place (optional)", "The Hague, Netherlands")}
        {field("date", "Date (optional, YYYY-MM-DD or start/end)", "2025-06-24/2025-06-25")}
        <button type="button" disabled={pending} onClick={onAsk} className={`${secondaryButton} self-start`}>
          Ask the AI assistant for candidates
        </button>
        {status && (
          <p role="status" className="text-sm">
            {status}
          </p>
        )}
      </div>

      {candidates.length > 0 && (
        <>
          <h3 className="text-lg font-semibold">AI-proposed candidates</h3>
          <ul className="flex flex-col gap-3">
            {candidates.map((candidate, index) => (
              <CandidateCard
                key={candidate.card.id}
                index={index}
                candidate={{ ...candidate, origin: "ai" }}
                onAccept={(value) => update(index, { accepted: value })}
                onChange={(card) => update(index, { card })}
              />
            ))}
          </ul>
          <div className={cardBox}>
            <DeckChoice
              idPrefix="ai-"
              decks={decks}
              deckId={target.deckId}
              onDeckId={target.setDeckId}
              newDeckName={target.newDeckName}
              onNewDeckName={target.setNewDeckName}
            />
            <p className="text-sm text-muted">
              {accepted.length} of {candidates.length} AI-proposed cards accepted.
            </p>
            <button type="button" disabled={pending || accepted.length === 0} onClick={onSave} className={`${primaryButton} self-start`}>
              Save AI-proposed cards to deck
            </button>
            {target.saved && (
              <Link href={`/teach/decks/${target.saved}`} className="text-brand underline">
                Open the deck
              </Link>
            )}
          </div>
        </>
      )}
      <FormMessage {...message} />
    </section>
  );
}
