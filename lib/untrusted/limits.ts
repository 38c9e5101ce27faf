/** What one parse of an untrusted file may spend before its worker is killed. */
export type WorkerLimits = {
  /** Wall-clock time from the worker's start. */
  timeMs: number;
  /** The worker's JavaScript heap (V8's old generation). */
  memoryMb: number;
  /** Rows (cards, notes, reviews…) the parse may produce. */
  rows: number;
};

export type LimitName = keyof WorkerLimits;

/** An untrusted parse that was stopped, or never started; shaped like an ActionResult failure. */
export type WorkerRefusal = {
  ok: false;
  code: "invalid_input" | "unavailable";
  /** Which limit was passed; "busy" when every worker slot and the queue are taken, "unreadable" when the parser failed. */
  limit: LimitName | "busy" | "unreadable";
  message: string;
  retryAfterSeconds?: number;
};

const STOPPED = "so reading it was stopped and nothing was saved.";

/** The refusal for a passed limit, naming the limit and its value in words a teacher or learner can act on. */
export function limitRefusal(limit: LimitName, limits: WorkerLimits, subject: string): WorkerRefusal {
  const messages: Record<LimitName, string> = {
    timeMs: `${subject} took longer than ${limits.timeMs / 1000} seconds to read (the time limit), ${STOPPED} Split it into smaller parts, or check that it is not damaged.`,
    memoryMb: `${subject} needed more than ${limits.memoryMb} MB of memory to read (the memory limit), ${STOPPED} Split it into smaller parts.`,
    rows: `${subject} has more than ${limits.rows.toLocaleString("en")} rows (the row limit), ${STOPPED} Split it into smaller parts.`,
  };
  return { ok: false, code: "invalid_input", limit, message: messages[limit] };
}

export const busyRefusal = (): WorkerRefusal => ({
  ok: false,
  code: "unavailable",
  limit: "busy",
  message: "The server is reading too many uploads at once. Try again in a minute.",
  retryAfterSeconds: 60,
});

export const unreadableRefusal = (subject: string): WorkerRefusal => ({
  ok: false,
  code: "invalid_input",
  limit: "unreadable",
  message: `${subject} could not be read; it may be damaged. Nothing was saved.`,
});

/** The HTTP status of a refusal: 413 for size limits, 422 for time, 503 when busy, 400 for a damaged file. */
export function refusalStatus(refusal: WorkerRefusal): number {
  switch (refusal.limit) {
    case "rows":
    case "memoryMb":
      return 413;
    case "timeMs":
      return 422;
    case "busy":
      return 503;
    case "unreadable":
      return 400;
  }
}
