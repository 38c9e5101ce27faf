import { z } from "zod";

/** Expected failures travel as values; only a code and a safe message reach the client. */
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  /** An outside service the action depends on (the optional AI assistant, the database) timed out or failed. */
  | "unavailable";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number };

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });

export function fail(
  code: ErrorCode,
  message: string,
  extra: { fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number } = {},
): { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number } {
  return { ok: false, code, message, ...extra };
}

/** A zod failure as an invalid_input result, with the per-field messages forms show beside each field. */
export function invalidInput(error: z.ZodError, message = "Check the highlighted fields.") {
  return fail("invalid_input", message, { fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> });
}

/** The HTTP status a route handler answers with for each error code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};
