import Papa from "papaparse";
import type { CardKindName } from "@/lib/cards/schema";
import { CHOICE_SEPARATOR, MAX_IMPORT_ROWS, sortProblems, type ColumnMapping, type ImportProblem, type MappedField, type ParsedImport } from "./schema";
import { collectCards } from "./validate-card";

const tooManyRows = (count: number): ImportProblem => ({
  row: "File",
  message: `It has ${count.toLocaleString("en")} rows; the limit is ${MAX_IMPORT_ROWS.toLocaleString("en")}. Split it into smaller files.`,
});

/** Splits CSV or TSV text into a header row and data rows; `delimiter` undefined lets papaparse detect it. */
export function readTable(text: string, delimiter?: "," | "\t"): { headers: string[]; rows: string[][]; problems: ImportProblem[] } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: delimiter ?? "", skipEmptyLines: "greedy" });
  const [headers = [], ...rows] = result.data;
  // Header is line 1, so data row i is line i + 2; papaparse counts data rows from 0 including the header.
  const problems = result.errors
    .filter((error) => error.code !== "UndetectableDelimiter")
    .map((error) => ({ row: error.row === undefined ? "File" : `Row ${error.row + 1}`, message: error.message }));
  if (rows.length > MAX_IMPORT_ROWS) problems.unshift(tooManyRows(rows.length));
  return { headers: headers.map((header) => header.trim()), rows, problems };
}

// Header names teachers (and Anki, Quizlet and this app's own export) use for each field.
const HEADER_NAMES: Record<MappedField, string[]> = {
  front: ["front", "question", "prompt", "term", "text", "q"],
  back: ["back", "answer", "definition", "a"],
  kind: ["kind", "type", "card type"],
  choices: ["choices", "options", "answers"],
  explanation: ["explanation", "extra", "back extra", "notes", "note"],
  tolerance: ["tolerance"],
  tags: ["tags", "tag", "topics"],
  id: ["id", "guid", "stable id"],
};

/** A first guess at the mapping from header names; the first two columns stand in for front and back. */
export function guessMapping(headers: string[]): ColumnMapping {
  const lower = headers.map((header) => header.toLowerCase());
  const find = (field: MappedField) => {
    const index = lower.findIndex((header) => HEADER_NAMES[field].includes(header));
    return index === -1 ? null : index;
  };
  return {
    front: find("front") ?? 0,
    back: find("back") ?? (headers.length > 1 ? 1 : null),
    kind: find("kind"),
    choices: find("choices"),
    explanation: find("explanation"),
    tolerance: find("tolerance"),
    tags: find("tags"),
    id: find("id"),
  };
}

const KIND_WORDS: Record<string, CardKindName> = {
  cloze: "CLOZE",
  qa: "QA",
  basic: "QA",
  question: "QA",
  mcq: "MCQ",
  "multiple choice": "MCQ",
  truefalse: "TRUEFALSE",
  "true/false": "TRUEFALSE",
  tf: "TRUEFALSE",
  numeric: "NUMERIC",
  number: "NUMERIC",
};

/** Takes off the apostrophe an export (ours, and spreadsheets' own) puts before text that would run as a formula. */
const unescapeFormula = (cell: string): string => cell.replace(/^'(?=[=+\-@\t\r])/, "");

/** The kind a cell names; a blank cell means cloze when the front has {{c1::…}} markup, else question/answer. */
function readKind(cell: string, front: string): CardKindName | null {
  const word = cell.trim().toLowerCase();
  if (word === "") return /\{\{c\d+::/.test(front) ? "CLOZE" : "QA";
  return KIND_WORDS[word] ?? null;
}

/** Applies a column mapping to table rows, validating every row; row numbers match a spreadsheet's. */
export function mapTableRows(
  table: { headers: string[]; rows: string[][] },
  mapping: ColumnMapping,
  rowLabel: (index: number) => string = (index) => `Row ${index + 2}`,
): Pick<ParsedImport, "cards" | "problems"> {
  const outOfRange = Object.entries(mapping).find(([, column]) => column !== null && column >= Math.max(table.headers.length, 1));
  if (outOfRange) return { cards: [], problems: [{ row: "Mapping", message: `The ${outOfRange[0]} column does not exist in this file.` }] };
  const kindProblems: ImportProblem[] = [];
  const rows = table.rows.flatMap((cells, index) => {
    const cell = (field: MappedField) => {
      const column = mapping[field];
      return column === null ? "" : unescapeFormula(cells[column] ?? "");
    };
    const front = cell("front");
    const kind = readKind(cell("kind"), front);
    if (!kind) {
      kindProblems.push({ row: rowLabel(index), message: `kind: "${cell("kind")}" is not one of cloze, qa, mcq, truefalse, numeric.` });
      return [];
    }
    const tolerance = cell("tolerance").trim();
    return [
      {
        row: rowLabel(index),
        stableId: cell("id").trim() || null,
        input: {
          kind,
          prompt: front,
          answer: cell("back"),
          choices: cell("choices")
            .split(CHOICE_SEPARATOR.trim())
            .map((choice) => choice.trim())
            .filter(Boolean),
          explanation: cell("explanation"),
          tolerance: tolerance === "" ? null : Number(tolerance),
          tags: cell("tags"),
        },
      },
    ];
  });
  const collected = collectCards(rows);
  return { cards: collected.cards, problems: sortProblems([...kindProblems, ...collected.problems]) };
}
