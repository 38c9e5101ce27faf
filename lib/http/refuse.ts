import { NextResponse } from "next/server";
import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";

/** The one error shape every route answers with: `{ ok: false, code, message }`, nothing else. */
export function refuse(code: ErrorCode, message: string, status = HTTP_STATUS[code]) {
  return NextResponse.json({ ok: false, code, message }, { status });
}
