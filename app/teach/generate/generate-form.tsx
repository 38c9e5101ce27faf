"use client";
import Link from "next/link";
import { useState } from "react";
import { MAX_ARTICLE_CHARS } from "@/lib/decks/schema";
import type { ArticleCandidate } from "@/lib/generator/candidate-facts";
import type { ContextFrame } from "@/lib/generator/context-frame";
import type { GeneratedCard } from "@/lib/generator/types";
import { FormMessage } from "../_components/form-message";
import { cardBox, inputClass, labelClass, primaryButton, secondaryButton } from "../_components/styles";
import { generateCardsAction } from "./actions";
import { CandidateCard } from "./candidate-card";
import { DeckChoice, useDeckTarget } from "./deck-choice";
import { FrameEditor } from "./frame-editor";

type Candidate = Omit<ArticleCandidate, "card"> & { card: GeneratedCard; accepted: boolean; weakness?: string };
/** Candidates a teacher gets accepted at first: the best-ranked, which are also what the rubric checks. */
const ACCEPTED_AT_FIRST = 20;

/** Refuses a file that is not text before it is sent, so a binary upload gets a reason, not a server error. */
function looksLikeText(text: string): boolean {
  return !text.includes("\u0000") && (text.match(/\uFFFD/g)?.length ?? 0) <= text.length / 100;
}

export function GenerateForm({ decks }: { decks: { id: string; name: string }[] }) {
  const [name, setName] = useState("Pasted article");
  const [text, setText] = useState("");
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [frame, setFrame] = useState<ContextFrame>();
  const [topCount, setTopCount] = useState(ACCEPTED_AT_FIRST);
  const [mainCount, setMainCount] = useState(0);
  const [summary, setSummary] = useState<string>();
  const target = useDeckTarget(decks);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [pending, setPending] = useState(false);
  const accepted = candidates.filter((candidate) => candidate.accepted).map((candidate) => candidate.card);

  async function onFile(file: File | undefined) {
    if (!file) return;
    const content = await file.text();
    if (!looksLikeText(content)) return setMessage({ error: `${file.name} looks like a binary file, not text. Upload a .txt, .md or .html file.` });
    setMessage({});
    setName(file.name);
    setText(content);
  }

  async function propose(withFrame?: ContextFrame) {
    if (text.length > MAX_ARTICLE_CHARS)
      return setMessage({
        error: `The article is too long (${text.length.toLocaleString("en")} characters); paste at most ${MAX_ARTICLE_CHARS.toLocaleString("en")}.`,
      });
    setPending(true);
    setMessage({});
    target.clearSaved();
    const result = await generateCardsAction({ name, text, ...(withFrame ? { frame: withFrame } : {}) });
    setPending(false);
    if (!result.ok) return setMessage({ error: result.fieldErrors?.text?.[0] ?? result.fieldErrors?.["frame.event"]?.[0] ?? result.message });
    setFrame(result.data.frame);
    // Weaker candidates come after the main list, unaccepted, so "accept the top N" never reaches them first.
    setCandidates([
      ...result.data.candidates.map((candidate, index) => ({ ...candidate, accepted: index < ACCEPTED_AT_FIRST })),
      ...result.data.weaker.map((candidate) => ({ ...candidate, accepted: false })),
    ]);
    setMainCount(result.data.candidates.length);
    const flagged = result.data.candidates.filter((candidate) => candidate.flag).length;
    const verified = result.data.candidates.filter((candidate) => candidate.origin === "fact-base").length;
    const background = result.data.candidates.filter((candidate) => candidate.origin === "reference").length;
    setSummary(
      `${result.data.candidates.length} candidates, best first: ${verified} from the NATO fact base, ${background} verified background facts the article names, ${flagged} flagged against the fact base; ` +
        `${result.data.weaker.length} weaker ones are kept apart below the list and ${result.data.rejected} failed the card rules. The top ${Math.min(ACCEPTED_AT_FIRST, result.data.candidates.length)} are accepted.`,
    );
  }

  async function onGenerate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await propose();
  }

  function acceptTop(count: number) {
    setCandidates((current) => current.map((candidate, index) => ({ ...candidate, accepted: index < count })));
  }

  async function onSave() {
    setPending(true);
    setMessage(await target.save(accepted));
    setPending(false);
  }

  const update = (index: number, change: Partial<Candidate>) =>
    setCandidates((current) => current.map((candidate, i) => (i === index ? { ...candidate, ...change } : candidate)));

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onGenerate} className={cardBox} noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="article-text" className={labelClass}>
            Article text
          </label>
          <textarea id="article-text" name="text" rows={10} value={text} onChange={(event) => setText(event.target.value)} className={`${inputClass} py-2`} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="article-file" className={labelClass}>
            Or upload a file (.txt, .md, .html)
          </label>
          <input
            id="article-file"
            type="file"
            accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html"
            onChange={(event) => onFile(event.target.files?.[0])}
            className="min-h-11 text-base"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="article-name" className={labelClass}>
            Source name
          </label>
          <input id="article-name" value={name} onChange={(event) => setName(event.target.value)} className={inputClass} />
        </div>
        <button type="submit" disabled={pending} className={`${primaryButton} self-start`}>
          Generate cards
        </button>
        {pending && (
          <p role="status" className="text-muted">
            Working…
          </p>
        )}
      </form>

      {summary && (
        <section aria-labelledby="candidates-heading" className="flex flex-col gap-4">
          <h2 id="candidates-heading" className="text-xl font-semibold">
            Candidate cards
          </h2>
          <p role="status">{summary}</p>
          {frame && <FrameEditor frame={frame} pending={pending} onSubmit={(edited) => void propose(edited)} />}
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor="accept-top" className={labelClass}>
                Accept the top
              </label>
              <input
                id="accept-top"
                type="number"
                min={0}
                max={mainCount}
                value={topCount}
                onChange={(event) => setTopCount(Math.max(0, Number(event.target.value) || 0))}
                className={`${inputClass} w-24`}
              />
            </div>
            <button type="button" onClick={() => acceptTop(topCount)} className={secondaryButton}>
              Accept ranks 1–{topCount}, reject the rest
            </button>
          </div>
          <ul className="flex flex-col gap-3">
            {candidates.slice(0, mainCount).map((candidate, index) => (
              <CandidateCard
                key={candidate.card.id}
                index={index}
                candidate={candidate}
                onAccept={(value) => update(index, { accepted: value })}
                onChange={(card) => update(index, { card })}
              />
            ))}
          </ul>
          {candidates.length > mainCount && (
            <details className="flex flex-col gap-3">
              <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand">
                {candidates.length - mainCount} weaker candidates that lean on the article
              </summary>
              <ul className="mt-3 flex flex-col gap-3">
                {candidates.slice(mainCount).map((candidate, offset) => (
                  <CandidateCard
                    key={candidate.card.id}
                    index={mainCount + offset}
                    candidate={candidate}
                    onAccept={(value) => update(mainCount + offset, { accepted: value })}
                    onChange={(card) => update(mainCount + offset, { card })}
                  />
                ))}
              </ul>
            </details>
          )}
          {candidates.length > 0 && (
            <div className={cardBox}>
              <DeckChoice
                idPrefix=""
                decks={decks}
                deckId={target.deckId}
                onDeckId={target.setDeckId}
                newDeckName={target.newDeckName}
                onNewDeckName={target.setNewDeckName}
              />
              <p className="text-sm text-muted">
                {accepted.length} of {candidates.length} cards accepted.
              </p>
              <button type="button" disabled={pending || accepted.length === 0} onClick={onSave} className={`${primaryButton} self-start`}>
                Save to deck
              </button>
              {target.saved && (
                <Link href={`/teach/decks/${target.saved}`} className="text-brand underline">
                  Open the deck
                </Link>
              )}
            </div>
          )}
        </section>
      )}
      <FormMessage {...message} />
    </div>
  );
}
