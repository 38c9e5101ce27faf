import type { nlp } from "./nlp";

/** A compromise term with its character span in the parsed text. */
export type Term = { text: string; normal: string; tags: ReadonlySet<string>; chunk: string; start: number; end: number; post: string };

type CompromiseTerm = { text: string; normal: string; tags: Set<string>; post: string; chunk?: string | null };

/**
 * Flattens a compromise document into terms with character offsets into `text`. Reads the parsed
 * sentences directly: `json()` would copy every term and rebuild every sentence's text first.
 */
export function readTerms(text: string, doc: ReturnType<typeof nlp>): Term[] {
  const terms: Term[] = [];
  let cursor = 0;
  for (const sentence of (doc as unknown as { docs: CompromiseTerm[][] }).docs) {
    for (const term of sentence) {
      const start = text.indexOf(term.text, cursor);
      if (start < 0 || term.text.length === 0) continue;
      cursor = start + term.text.length;
      terms.push({ text: term.text, normal: term.normal, tags: term.tags, chunk: term.chunk ?? "", start, end: cursor, post: term.post });
    }
  }
  return terms;
}

/** Whether a term runs on into the next one: only spaces or a hyphen between, and never a line break (sentences are one per line). */
export function joinsNext(term: Term): boolean {
  return /^[ \t-]*$/.test(term.post);
}

/** Cuts a span's text at a possessive or trailing punctuation so the answer is the bare name. */
export function makeSpan(text: string, start: number, end: number): { text: string; start: number; end: number } {
  const raw = text.slice(start, end);
  const trimmed = raw.replace(/['’]s$/, "").replace(/[^\p{L}\p{N}%)]+$/u, "");
  const lead = /^[^\p{L}\p{N}€$£]*/u.exec(trimmed)?.[0].length ?? 0;
  return { text: trimmed.slice(lead), start: start + lead, end: start + trimmed.length };
}

/** Groups consecutive, joined terms that `classify` puts in the same class. */
export function groupRuns<T>(terms: readonly Term[], classify: (term: Term) => T | undefined): { kind: T; terms: Term[] }[] {
  const runs: { kind: T; terms: Term[] }[] = [];
  terms.forEach((term, i) => {
    const kind = classify(term);
    if (kind === undefined) return;
    const last = runs.at(-1);
    const previous = terms[i - 1];
    if (last && last.kind === kind && previous && last.terms.at(-1) === previous && joinsNext(previous)) last.terms.push(term);
    else runs.push({ kind, terms: [term] });
  });
  return runs;
}
