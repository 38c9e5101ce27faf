"use client";
import Link from "next/link";
import { FormMessage } from "../_components/form-message";
import { cardBox, inputClass, labelClass, primaryButton, secondaryButton } from "../_components/styles";
import { CandidateCard } from "./candidate-card";
import { DeckChoice } from "./deck-choice";
import { FrameEditor } from "./frame-editor";
import { useGenerateFlow, type Candidate } from "./use-generate-flow";

/** Article -> candidate cards (best first, weaker ones apart) -> accept, edit or reject each -> save to a deck. */
export function GenerateForm({ decks }: { decks: { id: string; name: string }[] }) {
  const { article, frame, candidates, mainCount, summary, topCount, setTopCount, accepted, target, message, pending, propose, acceptTop, update, save } =
    useGenerateFlow(decks);
  const candidateCard = (candidate: Candidate, index: number) => (
    <CandidateCard
      key={candidate.card.id}
      index={index}
      candidate={candidate}
      onAccept={(value) => update(index, { accepted: value })}
      onChange={(card) => update(index, { card })}
    />
  );

  return (
    <div className="flex flex-col gap-6">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void propose();
        }}
        className={cardBox}
        noValidate
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="article-text" className={labelClass}>
            Article text
          </label>
          <textarea
            id="article-text"
            name="text"
            rows={10}
            value={article.text}
            onChange={(event) => article.setText(event.target.value)}
            className={`${inputClass} py-2`}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="article-file" className={labelClass}>
            Or upload a file (.txt, .md, .html)
          </label>
          <input
            id="article-file"
            type="file"
            accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html"
            onChange={(event) => article.chooseFile(event.target.files?.[0])}
            className="min-h-11 text-base"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="article-name" className={labelClass}>
            Source name
          </label>
          <input id="article-name" value={article.name} onChange={(event) => article.setName(event.target.value)} className={inputClass} />
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
          <ul className="flex flex-col gap-3">{candidates.slice(0, mainCount).map((candidate, index) => candidateCard(candidate, index))}</ul>
          {candidates.length > mainCount && (
            <details className="flex flex-col gap-3">
              <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand">
                {candidates.length - mainCount} weaker candidates that lean on the article
              </summary>
              <ul className="mt-3 flex flex-col gap-3">
                {candidates.slice(mainCount).map((candidate, offset) => candidateCard(candidate, mainCount + offset))}
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
              <button type="button" disabled={pending || accepted.length === 0} onClick={save} className={`${primaryButton} self-start`}>
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
