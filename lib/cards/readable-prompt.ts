import { parseCloze } from "./cloze";

/** A card's front as a reader sees it: cloze markup shown as its blanks, other kinds as written. */
export function readablePrompt(card: { kind: string; prompt: string }): string {
  return card.kind === "CLOZE" ? parseCloze(card.prompt).front : card.prompt;
}
