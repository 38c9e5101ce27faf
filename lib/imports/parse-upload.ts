import { DEFAULT_APKG_OPTIONS, readApkg, type ApkgOptions } from "./read-apkg";
import { readPlainText } from "./read-plain";
import { guessMapping, mapTableRows, readTable } from "./read-table";
import { MAX_IMPORT_BYTES, type ColumnMapping, type ImportFormat, type ParsedImport } from "./schema";

/** The format a file name stands for; .txt is "front<TAB>back" lines. */
export function detectFormat(fileName: string): ImportFormat | null {
  const extension = fileName.toLowerCase().split(".").pop();
  switch (extension) {
    case "csv":
      return "csv";
    case "tsv":
      return "tsv";
    case "txt":
      return "text";
    case "apkg":
      return "apkg";
    default:
      return null;
  }
}

const refuse = (format: ImportFormat, message: string): ParsedImport => ({
  format,
  headers: [],
  mapping: null,
  cards: [],
  problems: [{ row: "File", message }],
});

function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Parses an uploaded file into validated cards and per-row problems, without touching the database. For CSV
 * and TSV the mapping chooses the columns; without one it is guessed from the headers (the preview's first step).
 * For Anki packages the options say where extra fields go.
 */
export async function parseImportFile(
  file: { name: string; bytes: Uint8Array },
  mapping?: ColumnMapping,
  apkgOptions: ApkgOptions = DEFAULT_APKG_OPTIONS,
): Promise<ParsedImport> {
  const format = detectFormat(file.name);
  if (!format) return refuse("text", "Choose a .csv, .tsv, .txt or .apkg file.");
  if (file.bytes.length > MAX_IMPORT_BYTES) return refuse(format, "The file is larger than 5 MB. Split it into smaller files.");
  if (file.bytes.length === 0) return refuse(format, "The file is empty.");
  if (format === "apkg") return { format, headers: [], mapping: null, ...(await readApkg(file.bytes, apkgOptions)) };
  const text = decodeText(file.bytes);
  if (text === null) return refuse(format, "The file is not UTF-8 text. Save it as UTF-8 and try again.");
  if (format === "text") return { format, headers: [], mapping: null, ...readPlainText(text) };
  const table = readTable(text, format === "tsv" ? "\t" : undefined);
  const chosen = mapping ?? guessMapping(table.headers);
  if (table.problems.length > 0) return { format, headers: table.headers, mapping: chosen, cards: [], problems: table.problems };
  return { format, headers: table.headers, mapping: chosen, ...mapTableRows(table, chosen) };
}
