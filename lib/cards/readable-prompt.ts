import { showPrompt } from "./cloze";

/** A card's front as a reader sees it in a list: cloze markup shown as its blanks, images as "[image: alt]". */
export const readablePrompt = showPrompt;
