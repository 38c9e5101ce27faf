import { runInWorker, type WorkerOutcome, type WorkerTask } from "@/lib/untrusted/run-in-worker";
import type { ApkgOptions } from "./read-apkg";
import { MAX_IMPORT_ROWS, type ColumnMapping, type ParsedImport } from "./schema";

export type DeckFileInput = { file: { name: string; bytes: Uint8Array }; mapping?: ColumnMapping; apkg?: ApkgOptions };

// A legal 10,000-row file parses in a few seconds on a busy machine; an Anki collection is at most 100 MB of SQLite.
const DECK_FILE_TASK: WorkerTask<DeckFileInput, ParsedImport> = {
  entry: "lib/imports/parse-task.ts",
  subject: "This file",
  limits: { timeMs: 10_000, memoryMb: 256, rows: MAX_IMPORT_ROWS },
};

/** `parseImportFile` in a worker thread with time, memory and row limits: an upload can never stall other users. */
export function parseImportFileInWorker(file: DeckFileInput["file"], mapping?: ColumnMapping, apkg?: ApkgOptions): Promise<WorkerOutcome<ParsedImport>> {
  return runInWorker(DECK_FILE_TASK, { file, mapping, apkg });
}
