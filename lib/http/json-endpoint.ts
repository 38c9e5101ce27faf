import { SessionEndedError, type SessionClaim } from "@/lib/auth/session-claim";
import type { SessionUser } from "@/lib/auth/session-user";
import { isDatabaseUnavailable, OUTAGE_MESSAGE, OUTAGE_RETRY_AFTER_SECONDS } from "@/lib/db/availability";
import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";

/**
 * A JSON answer before any framework puts it on the wire: route handlers send it as a NextResponse
 * (json-route.ts), scripts/serve.mjs writes the direct routes' answers itself (direct-routes.ts).
 */
export type JsonAnswer = { status: number; body: object; headers?: Record<string, string> };

// Failures may carry safe extras such as fieldErrors or a conflict's current state.
type Failure = { ok: false; code: ErrorCode; message: string; [extra: string]: unknown };

/**
 * `no-transform` keeps Next.js's gzip off small JSON answers: compressing a grade's answer cost about 14% of the
 * server's CPU per grade in the profile (bench/cpu-profile-top.ts) to save a few hundred bytes. Every such answer
 * is for one user at one moment, so nothing may cache it either.
 */
export const SMALL_JSON_CACHE_CONTROL = "no-store, no-transform";

/** Study requests are a few hundred bytes; a quiz of 30 answers is a few KB. Anything near this is not ours. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The one error shape every route answers with: `{ ok: false, code, message }`, nothing else. */
export function refusal(code: ErrorCode, message: string, status = HTTP_STATUS[code]): JsonAnswer {
  return { status, body: { ok: false, code, message } };
}

/** An ActionResult as `{ ok, ...data }` with 200, or its failure fields with the code's HTTP status. */
export function resultAnswer<T extends object>(result: { ok: true; data: T } | Failure): JsonAnswer {
  if (result.ok) return { status: 200, body: { ok: true, ...result.data } };
  return { status: HTTP_STATUS[result.code], body: result };
}

/** 503 with Retry-After: the database is down or read-only, which is nobody's fault and nothing to sign out for. */
export const OUTAGE_ANSWER: JsonAnswer = {
  status: 503,
  body: { ok: false, code: "unavailable", message: OUTAGE_MESSAGE },
  headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) },
};

/** A request's input, or the answer that refuses it. */
export type ReadInput = { ok: true; input: unknown } | { ok: false; answer: JsonAnswer };

/** A POST body read with MAX_BODY_BYTES as JSON; an empty body reads as {} for endpoints whose fields are all optional. */
export function jsonBodyInput(text: string | "too_large"): ReadInput {
  if (text === "too_large") return { ok: false, answer: refusal("invalid_input", "The request is too large.", 413) };
  if (text.trim() === "") return { ok: true, input: {} };
  try {
    return { ok: true, input: JSON.parse(text) };
  } catch {
    return { ok: false, answer: refusal("invalid_input", "The request body is not valid JSON.") };
  }
}

/** A GET's query string as the object its endpoint parses (a repeated name keeps its last value). */
export function queryInput(params: URLSearchParams): ReadInput {
  return { ok: true, input: Object.fromEntries(params) };
}

/** What a signed-in JSON endpoint does with the user's id and the request's input: a POST's JSON body, a GET's query. */
export type JsonEndpoint = (userId: string, input: unknown) => Promise<JsonAnswer>;

/**
 * A signed-in endpoint that confirms the session itself, in the transaction it opens anyway (a grade, with its
 * lock: lib/study/reviews/lock.ts), so the request waits for a pooled connection once and makes one round trip
 * less. It throws SessionEndedError when the session has ended.
 */
export type ClaimEndpoint = { withClaim: (claim: SessionClaim, input: unknown) => Promise<JsonAnswer> };

/** How the endpoint's server reads a request: its session's claim, its signed-in user (the claim confirmed), then its input. */
export type JsonRequest = { claim: () => Promise<SessionClaim | null>; user: () => Promise<SessionUser | null>; input: () => Promise<ReadInput> };

const signInFirst = () => refusal("unauthenticated", "Sign in first.");

/**
 * A ClaimEndpoint's answer. One given without the claim confirmed (a refusal before the endpoint's transaction:
 * a body that is not JSON, a review out of range) waits for the session to be confirmed the usual way, so a
 * session that has ended learns nothing but 401, as from any other endpoint.
 */
async function answerWithClaim(endpoint: ClaimEndpoint, request: JsonRequest): Promise<JsonAnswer> {
  const claim = await request.claim();
  if (!claim) return signInFirst();
  const read = await request.input();
  let answer: JsonAnswer;
  try {
    answer = read.ok ? await endpoint.withClaim(claim, read.input) : read.answer;
  } catch (error) {
    if (error instanceof SessionEndedError) return signInFirst();
    throw error;
  }
  if (!claim.confirmed && !(await request.user())) return signInFirst();
  return answer;
}

/**
 * A signed-in JSON endpoint's answer, the same whichever server calls it: 401 without a session, 4xx for a body
 * that is too large or not JSON, 503 when the database is down or read-only (never a 401 or a 500).
 */
export async function answerJsonEndpoint(endpoint: JsonEndpoint | ClaimEndpoint, request: JsonRequest): Promise<JsonAnswer> {
  try {
    if (typeof endpoint !== "function") return await answerWithClaim(endpoint, request);
    const user = await request.user();
    if (!user) return signInFirst();
    const read = await request.input();
    if (!read.ok) return read.answer;
    return await endpoint(user.id, read.input);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return OUTAGE_ANSWER;
    throw error;
  }
}
