import { MAX_IMPORT_ROWS, type ImportProblem, type ParsedImport } from "./schema";
import { mapTableRows } from "./read-table";

/**
 * Plain "front<TAB>back" lines (what Anki's "Notes in plain text" and many word lists look like). Blank lines
 * and "#" comment lines are skipped; a line without a tab is an error naming its line number.
 */
export function readPlainText(text: string): Pick<ParsedImport, "cards" | "problems"> {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const problems: ImportProblem[] = [];
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const tab = line.indexOf("\t");
    if (tab === -1) {
      problems.push({ row: `Line ${index + 1}`, message: "No tab between front and back." });
      return;
    }
    rows.push([line.slice(0, tab), line.slice(tab + 1)]);
    lineNumbers.push(index + 1);
  });
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      cards: [],
      problems: [
        {
          row: "File",
          message: `It has ${rows.length.toLocaleString("en")} lines; the limit is ${MAX_IMPORT_ROWS.toLocaleString("en")}. Split it into smaller files.`,
        },
      ],
    };
  }
  const mapped = mapTableRows(
    { headers: ["front", "back"], rows },
    { front: 0, back: 1, kind: null, choices: null, explanation: null, tolerance: null, tags: null, id: null },
    (index) => `Line ${lineNumbers[index]}`,
  );
  return { cards: mapped.cards, problems: [...problems, ...mapped.problems] };
}
