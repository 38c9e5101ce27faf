import "server-only";
import { NextResponse } from "next/server";
import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { readLimitedText } from "./read-limited-text";
import { refuse } from "./refuse";
import { smallJson } from "./small-json";

/** Study requests are a few hundred bytes; a quiz of 30 answers is a few KB. Anything near this is not ours. */
export const MAX_BODY_BYTES = 64 * 1024;

// Failures may carry safe extras such as fieldErrors or a conflict's current state.
type Failure = { ok: false; code: ErrorCode; message: string; [extra: string]: unknown };

export { refuse };

export const unauthenticated = () => refuse("unauthenticated", "Sign in first.");

/**
 * The request's JSON body, read with a byte cap so an oversized upload is cut off (413) rather than buffered.
 * An empty body reads as {} for endpoints whose fields are all optional.
 */
export async function readJsonBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: NextResponse }> {
  const text = await readLimitedText(request, MAX_BODY_BYTES);
  if (text === "too_large") return { ok: false, response: refuse("invalid_input", "The request is too large.", 413) };
  if (text.trim() === "") return { ok: true, body: {} };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: refuse("invalid_input", "The request body is not valid JSON.") };
  }
}

/** An ActionResult as `{ ok, ...data }` with 200, or its failure fields with the code's HTTP status. */
export function respond<T extends object>(result: { ok: true; data: T } | Failure) {
  if (result.ok) return smallJson({ ok: true, ...result.data });
  return smallJson(result, { status: HTTP_STATUS[result.code] });
}
