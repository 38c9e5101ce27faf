import { isDatabaseUnavailable } from "@/lib/db/availability";
import { OUTAGE_ANSWER } from "./json-endpoint";
import { answerResponse } from "./small-json";

/** 503 with Retry-After: the database is down or read-only, which is nobody's fault and nothing to sign out for. */
export function outageResponse() {
  return answerResponse(OUTAGE_ANSWER);
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
