// Worker entry (see lib/untrusted): reads one uploaded personal export off the server's event loop.
import { RowLimitError, serveTask } from "@/lib/untrusted/serve-task";
import type { ReadExport } from "./read-in-worker";
import { personalExportSchema } from "./schema";

const rowsIn = (json: unknown): number => {
  if (!json || typeof json !== "object") return 0;
  const { cardStates, reviews } = json as { cardStates?: unknown; reviews?: unknown };
  return (Array.isArray(cardStates) ? cardStates.length : 0) + (Array.isArray(reviews) ? reviews.length : 0);
};

function readExport(text: string, rowLimit: number): ReadExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // Counted before validation, which would otherwise walk every row of an oversized file first.
  if (rowsIn(json) > rowLimit) throw new RowLimitError();
  const parsed = personalExportSchema.safeParse(json);
  if (parsed.success) return { ok: true, data: parsed.data };
  const first = parsed.error.issues[0];
  const where = first?.path.length ? ` (at ${first.path.join(".")})` : "";
  return { ok: false, message: `This is not an Alliance Recall export: ${first?.message ?? "unreadable"}${where}.` };
}

serveTask(readExport, (read) => (read.ok ? read.data.cardStates.length + read.data.reviews.length : 0));
