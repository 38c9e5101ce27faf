import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { refuse, unauthenticated } from "@/lib/http/json-route";
import { readLimitedText } from "@/lib/http/read-limited-text";
import { importPersonalData } from "@/lib/portability/mutations";
import { IMPORT_MAX_BYTES, personalExportSchema } from "@/lib/portability/schema";

export const dynamic = "force-dynamic";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Imports a JSON export into the signed-in account, all or nothing; answers with what was imported and skipped. */
export async function POST(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const text = await readLimitedText(request, IMPORT_MAX_BYTES);
  if (text === "too_large") return refuse("invalid_input", "The file is larger than 20 MB.", 413);
  const parsed = personalExportSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (at ${first.path.join(".")})` : "";
    return refuse("invalid_input", `This is not an Alliance Recall export: ${first?.message ?? "unreadable"}${where}.`);
  }
  return NextResponse.json(await importPersonalData(getDb(), user.id, parsed.data));
}
