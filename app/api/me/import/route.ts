import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { refuse, unauthenticated } from "@/lib/http/json-route";
import { readLimitedText } from "@/lib/http/read-limited-text";
import { refuseLimit } from "@/lib/http/refuse-limit";
import { importPersonalData } from "@/lib/portability/mutations";
import { readExportInWorker } from "@/lib/portability/read-in-worker";
import { IMPORT_MAX_BYTES } from "@/lib/portability/schema";
import { withOutage } from "@/lib/http/outage";

export const dynamic = "force-dynamic";

/** Imports a JSON export into the signed-in account, all or nothing; answers with what was imported and skipped. */
async function post(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const text = await readLimitedText(request, IMPORT_MAX_BYTES);
  if (text === "too_large") return refuse("invalid_input", "The file is larger than 20 MB.", 413);
  const outcome = await readExportInWorker(text);
  if (!outcome.ok) return refuseLimit(outcome);
  if (!outcome.data.ok) return refuse("invalid_input", outcome.data.message);
  return NextResponse.json(await importPersonalData(getDb(), user.id, outcome.data.data));
}

export const POST = withOutage(post);
