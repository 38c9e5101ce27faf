import { runInWorker, type WorkerOutcome, type WorkerTask } from "@/lib/untrusted/run-in-worker";
import { MAX_ROWS, type PersonalImport } from "./schema";

export type ReadExport = { ok: true; data: PersonalImport } | { ok: false; message: string };

// 20 MB of JSON is about a million objects; parsing and validating them takes seconds and a few hundred MB.
const PERSONAL_EXPORT_TASK: WorkerTask<string, ReadExport> = {
  entry: "lib/portability/import-task.ts",
  subject: "This export",
  limits: { timeMs: 60_000, memoryMb: 768, rows: 2 * MAX_ROWS },
};

/** Parses and validates an uploaded personal export in a worker thread with time, memory and row limits. */
export function readExportInWorker(text: string): Promise<WorkerOutcome<ReadExport>> {
  return runInWorker(PERSONAL_EXPORT_TASK, text);
}
