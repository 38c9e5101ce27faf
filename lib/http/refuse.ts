import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { smallJson } from "./small-json";

/** The one error shape every route answers with: `{ ok: false, code, message }`, nothing else. */
export function refuse(code: ErrorCode, message: string, status = HTTP_STATUS[code]) {
  return smallJson({ ok: false, code, message }, { status });
}
