import "server-only";
import type { NextResponse } from "next/server";
import { getSessionClaim, getSessionUser } from "@/lib/auth/session";
import { answerJsonEndpoint, jsonBodyInput, MAX_BODY_BYTES, queryInput, resultAnswer, type ClaimEndpoint, type JsonEndpoint } from "./json-endpoint";
import { readLimitedText } from "./read-limited-text";
import { refuse } from "./refuse";
import { answerResponse } from "./small-json";

export { refuse };

export const unauthenticated = () => refuse("unauthenticated", "Sign in first.");

/** The request's body as JSON input, read with a byte cap so an oversized upload is cut off (413) rather than buffered. */
const bodyInput = async (request: Request) => jsonBodyInput(await readLimitedText(request, MAX_BODY_BYTES));

/** The request's JSON body, or the response that refuses it. */
export async function readJsonBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: NextResponse }> {
  const read = await bodyInput(request);
  return read.ok ? { ok: true, body: read.input } : { ok: false, response: answerResponse(read.answer) };
}

/** An ActionResult as `{ ok, ...data }` with 200, or its failure fields with the code's HTTP status. */
export function respond(result: Parameters<typeof resultAnswer>[0]) {
  return answerResponse(resultAnswer(result));
}

/** A signed-in JSON endpoint as a route handler's POST, which reads the JSON body. */
export function jsonPostRoute(endpoint: JsonEndpoint | ClaimEndpoint) {
  return async (request: Request) =>
    answerResponse(await answerJsonEndpoint(endpoint, { claim: getSessionClaim, user: getSessionUser, input: () => bodyInput(request) }));
}

/** A signed-in JSON endpoint as a route handler's GET, which reads the query string. */
export function jsonGetRoute(endpoint: JsonEndpoint) {
  return async (request: Request) =>
    answerResponse(
      await answerJsonEndpoint(endpoint, { claim: getSessionClaim, user: getSessionUser, input: async () => queryInput(new URL(request.url).searchParams) }),
    );
}
