import type { ActionResult } from "@/lib/errors";

/** What a form says when its action could not run at all (no network, or the database down): nothing was kept. */
export const NOT_SAVED =
  "Nothing was saved: Alliance Recall could not be reached or is temporarily unavailable. What you entered is still here; try again in a minute.";

/**
 * A server action's result, or, when the call itself rejects (no network; the database down or read-only, a 503
 * the action call cannot read), a failure that says nothing was saved, so no caller is left pending forever.
 */
export function reachAction<T>(call: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  return call.catch((): ActionResult<T> => ({ ok: false, code: "unavailable", message: NOT_SAVED }));
}
