import { withImagesAsText } from "@/lib/media/card-images";
import { parseCloze } from "./cloze";

/** A card's front as a reader sees it in a list: cloze markup shown as its blanks, images as "[image: alt]". */
export function readablePrompt(card: { kind: string; prompt: string }): string {
  return withImagesAsText(card.kind === "CLOZE" ? parseCloze(card.prompt).front : card.prompt);
}
