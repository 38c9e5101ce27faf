import { useState } from "react";
import { reachAction } from "@/app/_components/reach-action";
import { MAX_ARTICLE_CHARS } from "@/lib/decks/schema";
import type { ArticleCandidate, ArticleCandidates } from "@/lib/generator/candidate-facts";
import type { ContextFrame } from "@/lib/generator/context-frame";
import type { GeneratedCard } from "@/lib/generator/types";
import { generateCardsAction } from "./actions";
import { useDeckTarget } from "./deck-choice";

export type Candidate = Omit<ArticleCandidate, "card"> & { card: GeneratedCard; accepted: boolean; weakness?: string };

/** Candidates a teacher gets accepted at first: the best-ranked, which are also what the rubric checks. */
const ACCEPTED_AT_FIRST = 20;

/** Refuses a file that is not text before it is sent, so a binary upload gets a reason, not a server error. */
function looksLikeText(text: string): boolean {
  return !text.includes("\u0000") && (text.match(/\uFFFD/g)?.length ?? 0) <= text.length / 100;
}

/** The line above the candidates: where they came from, what was set apart, and how many start accepted. */
function summarise(proposed: ArticleCandidates): string {
  const { candidates, weaker, rejected } = proposed;
  const flagged = candidates.filter((candidate) => candidate.flag).length;
  const verified = candidates.filter((candidate) => candidate.origin === "fact-base").length;
  const background = candidates.filter((candidate) => candidate.origin === "reference").length;
  return (
    `${candidates.length} candidates, best first: ${verified} from the NATO fact base, ${background} verified background facts the article names, ${flagged} flagged against the fact base; ` +
    `${weaker.length} weaker ones are kept apart below the list and ${rejected} failed the card rules. The top ${Math.min(ACCEPTED_AT_FIRST, candidates.length)} are accepted.`
  );
}

/**
 * The generate form's state and steps: the article (typed or read from a file), proposing candidates for it
 * (again with an edited frame), accepting and editing them, and saving the accepted ones to a deck.
 */
export function useGenerateFlow(decks: { id: string; name: string }[]) {
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

  async function chooseFile(file: File | undefined) {
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
    const result = await reachAction(generateCardsAction({ name, text, ...(withFrame ? { frame: withFrame } : {}) }));
    setPending(false);
    if (!result.ok) return setMessage({ error: result.fieldErrors?.text?.[0] ?? result.fieldErrors?.["frame.event"]?.[0] ?? result.message });
    setFrame(result.data.frame);
    // Weaker candidates come after the main list, unaccepted, so "accept the top N" never reaches them first.
    setCandidates([
      ...result.data.candidates.map((candidate, index) => ({ ...candidate, accepted: index < ACCEPTED_AT_FIRST })),
      ...result.data.weaker.map((candidate) => ({ ...candidate, accepted: false })),
    ]);
    setMainCount(result.data.candidates.length);
    setSummary(summarise(result.data));
  }

  function acceptTop(count: number) {
    setCandidates((current) => current.map((candidate, index) => ({ ...candidate, accepted: index < count })));
  }

  function update(index: number, change: Partial<Candidate>) {
    setCandidates((current) => current.map((candidate, i) => (i === index ? { ...candidate, ...change } : candidate)));
  }

  async function save() {
    setPending(true);
    setMessage(await target.save(accepted));
    setPending(false);
  }

  return {
    article: { name, setName, text, setText, chooseFile },
    frame,
    candidates,
    mainCount,
    summary,
    topCount,
    setTopCount,
    accepted,
    target,
    message,
    pending,
    propose,
    acceptTop,
    update,
    save,
  };
}
