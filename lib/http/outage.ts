import { smallJson } from "./small-json";
import { isDatabaseUnavailable, OUTAGE_MESSAGE, OUTAGE_RETRY_AFTER_SECONDS } from "@/lib/db/availability";

/** 503 with Retry-After: the database is down or read-only, which is nobody's fault and nothing to sign out for. */
export function outageResponse() {
  return smallJson(
    { ok: false, code: "unavailable", message: OUTAGE_MESSAGE },
    { status: 503, headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) } },
  );
}

/** A route handler whose database failures (down, restarting, read-only) answer 503 instead of 500 or 401. */
export function withOutage<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return outageResponse();
      throw error;
    }
  };
}
