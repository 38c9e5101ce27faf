/**
 * Telling a database that is down, restarting, full or read-only apart from every other failure, so the app can
 * answer "temporarily unavailable" (503) instead of blaming the user (401) or crashing (500).
 */

export const OUTAGE_MESSAGE = "Alliance Recall is temporarily unavailable; your reviews are safe on this device.";
/** How long clients are told to wait before trying again. */
export const OUTAGE_RETRY_AFTER_SECONDS = 30;

/** Thrown where a request cannot go on without the database; its digest survives to the page's error boundary. */
export class DatabaseUnavailableError extends Error {
  readonly digest = "DATABASE_UNAVAILABLE";
  constructor() {
    super(OUTAGE_MESSAGE);
  }
}

// Prisma's driver adapter kinds for a server that cannot be reached or used.
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseDoesNotExist",
  "TlsConnectionError",
]);
// SQLSTATE: 08 connection exceptions, 53 insufficient resources, 57P01-03 shutdown / crash / starting up, 25006 read-only.
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[1-3]|25006)$/;
// Prisma's own codes for an unreachable server, a timeout, a closed connection and an exhausted pool.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// pg's errors that carry no code; through a Unix socket a stopped server leaves no socket file (ENOENT), and a pooled
// connection the server closed fails its next write with EPIPE (TCP gives ECONNRESET). Prisma passes that one on as
// its own error, code "EPIPE" and no syscall, so it is known by its message.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|read-only transaction|ECONNREFUSED|ECONNRESET|write EPIPE|connect ENOENT \S*\.s\.PGSQL\.\d+/i;

type ErrorLike = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

/** Whether `error` (or what caused it) says the database is down, overloaded or read-only. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const pending: unknown[] = [error];
  for (let steps = 0; pending.length > 0 && steps < 10; steps += 1) {
    const current = pending.pop();
    if (!current || typeof current !== "object") continue;
    const { code, kind, message, cause, meta } = current as ErrorLike;
    if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof code === "string" && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_PRISMA_CODES.has(code))) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    pending.push(cause, meta?.driverAdapterError);
  }
  return false;
}
