import type { ErrorCode } from "@/lib/errors";
import { refusal } from "./json-endpoint";
import { answerResponse } from "./small-json";

/** The one error shape every route answers with: `{ ok: false, code, message }`, nothing else. */
export function refuse(code: ErrorCode, message: string, status?: number) {
  return answerResponse(refusal(code, message, status));
}
