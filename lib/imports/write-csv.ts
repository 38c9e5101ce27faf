import Papa from "papaparse";
import { CHOICE_SEPARATOR, TAG_SEPARATOR } from "./schema";
import type { ExportCard } from "./write-apkg";

/**
 * A deck as CSV with the headers the importer recognises, so exporting and importing back gives the same cards.
 * Cells are written as they are (no formula escaping): this file is for re-import, and escaping would change text.
 */
export function buildDeckCsv(cards: ExportCard[]): string {
  return Papa.unparse({
    fields: ["id", "kind", "front", "back", "choices", "explanation", "tolerance", "tags"],
    data: cards.map((card) => [
      card.stableId ?? card.id,
      card.kind.toLowerCase(),
      card.prompt,
      card.answer,
      card.choices.join(CHOICE_SEPARATOR),
      card.explanation,
      card.tolerance === null ? "" : String(card.tolerance),
      card.tags.join(TAG_SEPARATOR),
    ]),
  });
}
