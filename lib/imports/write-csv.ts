import Papa from "papaparse";
import { CHOICE_SEPARATOR, TAG_SEPARATOR } from "./schema";
import type { ExportCard } from "./write-apkg";

/**
 * A deck as CSV with the headers the importer recognises, so exporting and importing back gives the same cards.
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, return first) gets an apostrophe in front, which
 * the importer takes off again (lib/imports/read-table.ts).
 */
export function buildDeckCsv(cards: ExportCard[]): string {
  return Papa.unparse(
    {
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
    },
    { escapeFormulae: true },
  );
}
