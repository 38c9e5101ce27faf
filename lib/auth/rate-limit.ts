import type { Db } from "@/lib/db/client";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window, atomically in PostgreSQL so that every
 * app process behind a load balancer shares the same budget.
 */
export async function consumeRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<RateLimitResult> {
  const windowFloor = new Date(now.getTime() - windowMs);
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0];
  if (!row || row.count <= limit) return { allowed: true };
  const resetAt = row.windowStart.getTime() + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)) };
}

/** Sign-in and sign-up budgets: per account and per client address. */
export const AUTH_LIMITS = {
  signInPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  signInPerIp: { limit: 50, windowMs: 15 * 60_000 },
  signUpPerIp: { limit: 20, windowMs: 60 * 60_000 },
  // Each guest sign-in creates an account row; unthrottled, a script could fill the users table.
  guestPerIp: { limit: 20, windowMs: 60 * 60_000 },
} as const;

/** One guest account created from `ip`, against that address's budget. */
export function consumeGuestBudget(db: Db, ip: string, now: Date): Promise<RateLimitResult> {
  return consumeRateLimit(db, `guest:ip:${ip}`, AUTH_LIMITS.guestPerIp.limit, AUTH_LIMITS.guestPerIp.windowMs, now);
}

/** One sign-in attempt against both the account's and the address's budgets; refused if either is spent. */
export async function consumeSignInBudget(db: Db, email: string, ip: string, now: Date): Promise<RateLimitResult> {
  const perIp = await consumeRateLimit(db, `signin:ip:${ip}`, AUTH_LIMITS.signInPerIp.limit, AUTH_LIMITS.signInPerIp.windowMs, now);
  const perAccount = await consumeRateLimit(db, `signin:email:${email}`, AUTH_LIMITS.signInPerAccount.limit, AUTH_LIMITS.signInPerAccount.windowMs, now);
  if (perIp.allowed && perAccount.allowed) return { allowed: true };
  const waits = [perIp, perAccount].map((r) => (r.allowed ? 0 : r.retryAfterSeconds));
  return { allowed: false, retryAfterSeconds: Math.max(...waits) };
}

/**
 * The client address: the last X-Forwarded-For entry, which is the one our own reverse proxy appended (or,
 * served directly, the socket address Next.js fills in). Entries before it are whatever the client claimed,
 * so trusting the first one would let a script pick a fresh address for every guess.
 */
export function clientIp(headers: { get(name: string): string | null } | Record<string, unknown> | undefined): string {
  const read = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as { get?: unknown }).get === "function") {
      return (headers as { get(n: string): string | null }).get(name) ?? undefined;
    }
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === "string" ? value : undefined;
  };
  return read("x-forwarded-for")?.split(",").at(-1)?.trim() || read("x-real-ip") || "local";
}
