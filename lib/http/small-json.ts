import { NextResponse } from "next/server";
import { SMALL_JSON_CACHE_CONTROL, type JsonAnswer } from "./json-endpoint";

/** A JSON answer of a few hundred bytes. */
export function smallJson(body: object, init: { status?: number; headers?: Record<string, string> } = {}) {
  return NextResponse.json(body, { status: init.status, headers: { "Cache-Control": SMALL_JSON_CACHE_CONTROL, ...init.headers } });
}

/** A framework-free JSON answer as a route handler's response. */
export function answerResponse(answer: JsonAnswer) {
  return smallJson(answer.body, { status: answer.status, headers: answer.headers });
}
