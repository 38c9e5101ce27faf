import { withImagesAsText } from "@/lib/media/card-images";

/** A run of plain text, or a deletion the learner must recall (shown as "[…]" or "[hint]" on the front). */
export type ClozeSegment = { kind: "text"; text: string } | { kind: "blank"; answer: string; hint: string | null };

export type ParsedCloze = {
  segments: ClozeSegment[];
  /** The sentence with each deletion replaced by "[…]", or by "[hint]" when one is given. */
  front: string;
  /** The deleted text, in order of appearance, joined with ", " when there are several. */
  answer: string;
};

// Anki's syntax: {{c1::answer}} or {{c1::answer::hint}}; the cloze number is accepted but not used, since one
// card is one note here. Non-greedy with no "}" inside, so two deletions in one sentence stay separate.
const DELETION = /\{\{c\d+::([^}]*?)(?:::([^}]*?))?\}\}/g;

const BLANK = "[…]";

function formatBlank(hint: string | null): string {
  return hint ? `[${hint}]` : BLANK;
}

/** Splits Anki-style cloze markup into text and deletions; text without markup is one text segment. */
export function parseCloze(source: string): ParsedCloze {
  const segments: ClozeSegment[] = [];
  let cursor = 0;
  for (const match of source.matchAll(DELETION)) {
    if (match.index > cursor) segments.push({ kind: "text", text: source.slice(cursor, match.index) });
    const hint = match[2]?.trim();
    segments.push({ kind: "blank", answer: (match[1] ?? "").trim(), hint: hint ? hint : null });
    cursor = match.index + match[0].length;
  }
  if (cursor < source.length) segments.push({ kind: "text", text: source.slice(cursor) });
  const blanks = segments.filter((segment) => segment.kind === "blank");
  return {
    segments,
    front: segments.map((segment) => (segment.kind === "text" ? segment.text : formatBlank(segment.hint))).join(""),
    answer: blanks.map((blank) => blank.answer).join(", "),
  };
}

/**
 * A card's prompt as the learner meets it before answering, as a line of text: cloze deletions as blanks, so a list
 * never gives answers away, and images as "[image: alt]".
 */
export function showPrompt(card: { kind: string; prompt: string }): string {
  return withImagesAsText(card.kind === "CLOZE" ? parseCloze(card.prompt).front : card.prompt);
}
