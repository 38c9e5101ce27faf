import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { isTeacher } from "@/lib/auth/teacher";
import { getDb } from "@/lib/db/client";
import { findOwnedDeck } from "@/lib/decks/data";
import { deckIdSchema } from "@/lib/decks/schema";
import { HTTP_STATUS } from "@/lib/errors";
import { refuse, unauthenticated } from "@/lib/http/json-route";
import { refuseLimit } from "@/lib/http/refuse-limit";
import { importDeckFile } from "@/lib/imports/mutations";
import { parseImportFileInWorker } from "@/lib/imports/parse-in-worker";
import { columnMappingSchema, isFileProblem, MAX_IMPORT_BYTES, PREVIEW_ROWS } from "@/lib/imports/schema";
import { withOutage } from "@/lib/http/outage";

// A route handler rather than a server action: actions cap bodies at 1 MB, and files may be 5 MB.
const MAX_BODY = MAX_IMPORT_BYTES + 64 * 1024;
const PROBLEMS_SHOWN = 50;

const formSchema = z.object({
  mode: z.enum(["preview", "import"]),
  file: z.instanceof(File),
  mapping: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The column mapping is not valid." });
        return z.NEVER;
      }
    })
    .pipe(columnMappingSchema.optional()),
  // The preview's choices: where an Anki package's extra fields and sub-decks go, and whether to leave problem rows out.
  extraFields: z.enum(["explanation", "tags"]).default("explanation"),
  nestedDecks: z.enum(["tags", "subdecks"]).default("tags"),
  skipProblems: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

const answer = (status: number, body: object) => Response.json(body, { status });

/**
 * POST multipart (mode, file, mapping?, extraFields?, nestedDecks?, skipProblems?): "preview" parses without writing; "import"
 * writes all rows, or with skipProblems all rows but the problem ones, in one transaction.
 */
async function post(request: Request, context: { params: Promise<{ deckId: string }> }) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  if (!isTeacher(user)) return refuse("forbidden", "Only teachers can import.");
  const deckId = deckIdSchema.safeParse((await context.params).deckId);
  if (!deckId.success) return refuse("not_found", "No such deck.");
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length)) return refuse("invalid_input", "Send the file with its length.", 411);
  if (length > MAX_BODY) return refuse("invalid_input", "The file is larger than 5 MB. Split it into smaller files.", 413);

  const db = getDb();
  if (!(await findOwnedDeck(db, user.id, deckId.data))) return refuse("not_found", "That deck does not exist or is not yours.");
  // A body that is not multipart (or lies about its length) reads as no form rather than a 500.
  const fields = await request.formData().then(
    (form) => Object.fromEntries(form.entries()),
    () => ({}),
  );
  const form = formSchema.safeParse(fields);
  if (!form.success) return refuse("invalid_input", "Choose a file to import.");
  const file = { name: form.data.file.name, bytes: new Uint8Array(await form.data.file.arrayBuffer()) };

  if (form.data.mode === "preview") {
    const outcome = await parseImportFileInWorker(file, form.data.mapping, { extraFields: form.data.extraFields, nestedDecks: form.data.nestedDecks });
    if (!outcome.ok) return refuseLimit(outcome);
    const parsed = outcome.data;
    return answer(200, {
      ok: true,
      format: parsed.format,
      headers: parsed.headers,
      mapping: parsed.mapping,
      total: parsed.cards.length,
      cards: parsed.cards.slice(0, PREVIEW_ROWS),
      problemCount: parsed.problems.length,
      problems: parsed.problems.slice(0, PROBLEMS_SHOWN),
      problemRows: new Set(parsed.problems.map((problem) => problem.row)).size,
      fileProblem: parsed.problems.some(isFileProblem),
      report: parsed.report ?? null,
    });
  }
  const result = await importDeckFile(db, user.id, deckId.data, file, form.data.mapping, {
    skipProblems: form.data.skipProblems,
    apkg: { extraFields: form.data.extraFields, nestedDecks: form.data.nestedDecks },
  });
  if (!result.ok && "limit" in result) return refuseLimit(result);
  if (!result.ok) return answer(HTTP_STATUS[result.code], result);
  return answer(200, result);
}

export const POST = withOutage(post);
