import { nlp } from "./nlp";
import { groupRuns, makeSpan, type Term } from "./terms";
import type { Mention, MentionType } from "./types";

const SCALE = /^(?:thousand|million|billion|trillion)$/;

function classifyNumber(span: string, next: Term | undefined): MentionType {
  if (/%$/.test(span) || (next && /^(?:percent|per)$/.test(next.normal))) return "percentage";
  if (/^[€$£]/.test(span) || (next && /^(?:euros?|dollars?|pounds?)$/.test(next.normal))) return "money";
  if (/^(?:19|20)\d\d(?:-\d\d)?$/.test(span)) return "year";
  return "count";
}

const SCALE_VALUE: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Digits are read directly; spelled-out numbers ("a thousand") go through compromise's number parser. */
function valueOf(span: string): number | undefined {
  const digits = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?/i.exec(span);
  if (digits?.[1]) return Number(digits[1].replace(/,/g, "")) * (SCALE_VALUE[digits[2]?.toLowerCase() ?? ""] ?? 1);
  const parsed = (nlp(span).numbers().get() as number[])[0];
  return typeof parsed === "number" && Number.isFinite(parsed) ? parsed : undefined;
}

/** Numbers with compromise's value reading; compound adjectives ("360-degree") and ordinals are not quantities. */
export function findNumbers(text: string, terms: readonly Term[]): Mention[] {
  const isValue = (term: Term) =>
    term.tags.has("Value") && !term.tags.has("Ordinal") && !term.tags.has("Preposition") && !term.tags.has("Conjunction") ? true : undefined;
  return groupRuns(terms, isValue).flatMap(({ terms: run }) => {
    const first = run[0];
    const last = run.at(-1);
    if (!first || !last) return [];
    const index = terms.indexOf(last);
    const next = terms[index + 1];
    if (last.post.trim() === "-" && next && /^\p{L}/u.test(next.text)) return [];
    if (/\p{L}-\d/u.test(text.slice(Math.max(0, first.start - 2), first.end))) return [];
    const previous = terms[terms.indexOf(first) - 1];
    const begin = previous?.normal === "a" && SCALE.test(first.normal) ? previous.start : first.start;
    const span = makeSpan(text, begin, last.end);
    if (!/\d/.test(span.text) && !run.some((term) => SCALE.test(term.normal))) return [];
    const type = classifyNumber(span.text, next);
    const value = type === "year" ? Number(span.text.slice(0, 4)) : valueOf(span.text);
    if (value === undefined) return [];
    const withUnit = type === "percentage" && next && /^(?:percent|per)$/.test(next.normal) ? makeSpan(text, begin, next.end) : span;
    return [{ ...withUnit, type, key: `${type}:${value}`, value }];
  });
}
