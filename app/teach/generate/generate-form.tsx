"use client";
import Link from "next/link";
import { useState } from "react";
import type { GeneratedCard, SourceConflict } from "@/lib/generator/types";
import { FormMessage } from "../_components/form-message";
import { cardBox, inputClass, labelClass, primaryButton } from "../_components/styles";
import { generateCardsAction, saveGeneratedCardsAction } from "./actions";
import { CandidateCard } from "./candidate-card";

type Candidate = { card: GeneratedCard; accepted: boolean };
const NEW_DECK = "";

export function GenerateForm({ decks }: { decks: { id: string; name: string }[] }) {
  const [name, setName] = useState("Pasted article");
  const [text, setText] = useState("");
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [conflicts, setConflicts] = useState<SourceConflict[]>([]);
  const [summary, setSummary] = useState<string>();
  const [deckId, setDeckId] = useState(decks[0]?.id ?? NEW_DECK);
  const [newDeckName, setNewDeckName] = useState("");
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [saved, setSaved] = useState<string>();
  const [pending, setPending] = useState(false);
  const accepted = candidates.filter((candidate) => candidate.accepted).map((candidate) => candidate.card);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setName(file.name);
    setText(await file.text());
  }

  async function onGenerate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage({});
    setSaved(undefined);
    const result = await generateCardsAction({ name, text });
    setPending(false);
    if (!result.ok) return setMessage({ error: result.fieldErrors?.text?.[0] ?? result.message });
    setCandidates(result.data.cards.map((card) => ({ card, accepted: true })));
    setConflicts(result.data.conflicts);
    setSummary(`${result.data.cards.length} cards proposed; ${result.data.rejectedCount} weaker candidates were left out.`);
  }

  async function onSave() {
    setPending(true);
    const target = deckId === NEW_DECK ? { newDeckName } : { deckId };
    const result = await saveGeneratedCardsAction({ target, cards: accepted, conflicts });
    setPending(false);
    if (!result.ok) return setMessage({ error: result.message });
    setSaved(result.data.deckId);
    setMessage({ success: `Saved: ${result.data.created} new cards, ${result.data.updated} updated.` });
  }

  const update = (index: number, change: Partial<Candidate>) =>
    setCandidates((current) => current.map((candidate, i) => (i === index ? { ...candidate, ...change } : candidate)));

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onGenerate} className={cardBox} noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="article-text" className={labelClass}>Article text</label>
          <textarea id="article-text" name="text" rows={10} value={text} onChange={(event) => setText(event.target.value)} className={`${inputClass} py-2`} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="article-file" className={labelClass}>Or upload a file (.txt, .md, .html)</label>
          <input id="article-file" type="file" accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html" onChange={(event) => onFile(event.target.files?.[0])} className="min-h-11 text-base" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="article-name" className={labelClass}>Source name</label>
          <input id="article-name" value={name} onChange={(event) => setName(event.target.value)} className={inputClass} />
        </div>
        <button type="submit" disabled={pending} className={`${primaryButton} self-start`}>Generate cards</button>
        {pending && <p role="status" className="text-muted">Working…</p>}
      </form>

      {summary && (
        <section aria-labelledby="candidates-heading" className="flex flex-col gap-4">
          <h2 id="candidates-heading" className="text-xl font-semibold">Candidate cards</h2>
          <p role="status">{summary}</p>
          {conflicts.length > 0 && (
            <div className="rounded-lg border border-warn p-3">
              <p className="font-semibold text-warn">Sources disagree:</p>
              <ul className="list-disc pl-5">
                {conflicts.map((conflict) => <li key={conflict.id} className="break-words">{conflict.description}</li>)}
              </ul>
            </div>
          )}
          <ul className="flex flex-col gap-3">
            {candidates.map((candidate, index) => (
              <CandidateCard
                key={candidate.card.id}
                index={index}
                card={candidate.card}
                accepted={candidate.accepted}
                onAccept={(value) => update(index, { accepted: value })}
                onChange={(card) => update(index, { card })}
              />
            ))}
          </ul>
          {candidates.length > 0 && (
            <div className={cardBox}>
              <div className="flex flex-col gap-1">
                <label htmlFor="save-deck" className={labelClass}>Deck</label>
                <select id="save-deck" value={deckId} onChange={(event) => setDeckId(event.target.value)} className={inputClass}>
                  {decks.map((deck) => <option key={deck.id} value={deck.id}>{deck.name}</option>)}
                  <option value={NEW_DECK}>A new deck…</option>
                </select>
              </div>
              {deckId === NEW_DECK && (
                <div className="flex flex-col gap-1">
                  <label htmlFor="new-deck-name" className={labelClass}>New deck name</label>
                  <input id="new-deck-name" value={newDeckName} onChange={(event) => setNewDeckName(event.target.value)} maxLength={100} className={inputClass} />
                </div>
              )}
              <p className="text-sm text-muted">{accepted.length} of {candidates.length} cards accepted.</p>
              <button type="button" disabled={pending || accepted.length === 0} onClick={onSave} className={`${primaryButton} self-start`}>
                Save to deck
              </button>
              {saved && <Link href={`/teach/decks/${saved}`} className="text-brand underline">Open the deck</Link>}
            </div>
          )}
        </section>
      )}
      <FormMessage {...message} />
    </div>
  );
}
