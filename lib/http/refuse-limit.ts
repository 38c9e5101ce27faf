import { smallJson } from "./small-json";
import { refusalStatus, type WorkerRefusal } from "@/lib/untrusted/limits";

/** An untrusted parse stopped at a limit (or refused while the server is busy): the limit named, and when to retry. */
export function refuseLimit({ ok, code, message, limit, retryAfterSeconds }: WorkerRefusal) {
  const headers = retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : undefined;
  return smallJson({ ok, code, message, limit }, { status: refusalStatus({ ok, code, message, limit }), headers });
}
