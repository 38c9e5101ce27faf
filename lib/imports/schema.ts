import { z } from "zod";
import type { CardContent } from "@/lib/cards/schema";
import type { CardHistory } from "./apkg/card-history";
import type { PackageImage } from "./apkg/package-images";
import type { ApkgReport, SubDeckPlacement } from "./read-apkg";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
/** How many parsed cards the preview shows before "Import". */
export const PREVIEW_ROWS = 20;

/** Cell separators in CSV import and export: a choices cell is "Paris | Rome", a tags cell "summit, 2025". */
export const CHOICE_SEPARATOR = " | ";
export const TAG_SEPARATOR = ", ";

/** Which column (0-based) holds each field; only the front is required. */
export const columnMappingSchema = z.object({
  front: z.number().int().min(0),
  back: z.number().int().min(0).nullable().default(null),
  kind: z.number().int().min(0).nullable().default(null),
  choices: z.number().int().min(0).nullable().default(null),
  explanation: z.number().int().min(0).nullable().default(null),
  tolerance: z.number().int().min(0).nullable().default(null),
  tags: z.number().int().min(0).nullable().default(null),
  id: z.number().int().min(0).nullable().default(null),
});
export type ColumnMapping = z.output<typeof columnMappingSchema>;
export type MappedField = keyof ColumnMapping;
export const MAPPED_FIELDS = Object.keys(columnMappingSchema.shape) as MappedField[];

/** A card ready to write; `stableId` (from an id column or an Anki note) makes re-importing update in place. */
export type ImportedCard = CardContent & { stableId: string | null };

/** A problem with one row of the file; `row` is what the teacher sees in a spreadsheet or an editor. */
export type ImportProblem = { row: string; message: string };

export type ImportFormat = "csv" | "tsv" | "text" | "apkg";

export type ParsedImport = {
  format: ImportFormat;
  /** Column names for the mapping step (delimited files only). */
  headers: string[];
  mapping: ColumnMapping | null;
  cards: ImportedCard[];
  problems: ImportProblem[];
  /** Anki packages only: what else the package holds and where it goes, its cards' review history and sub-decks. */
  report?: ApkgReport | null;
  histories?: CardHistory[];
  subDecks?: SubDeckPlacement[];
  images?: PackageImage[];
};

/** Problems with the file as a whole (unreadable, too large) rather than with some of its rows. */
export const isFileProblem = (problem: ImportProblem) => problem.row === "File";

/** Problems in file order (by the number in their row label), whichever check found them. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const rowNumber = (problem: ImportProblem) => Number(/\d+/.exec(problem.row)?.[0] ?? 0);
  return [...problems].sort((a, b) => rowNumber(a) - rowNumber(b));
}

/** A short summary of the first few problems for a one-line error message. */
export function formatProblems(problems: ImportProblem[], shown = 5): string {
  const listed = problems.slice(0, shown).map((problem) => `${problem.row}: ${problem.message}`);
  const more = problems.length > shown ? ` …and ${problems.length - shown} more.` : "";
  return `${listed.join(" ")}${more}`;
}
