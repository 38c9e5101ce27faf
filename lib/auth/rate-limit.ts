import type { Db } from "@/lib/db/client";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window, atomically in PostgreSQL so that every
 * app process behind a load balancer shares the same budget.
 */
export async function consumeRateLimit(db: Db, key: string, limit: number, windowMs: number, now: Date): Promise<RateLimitResult> {
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

/**
 * Like consumeRateLimit, but a refused attempt is not counted: the count is the number admitted. For budgets
 * a person can raise (a class's limit), so that students turned away while it was full do not fill the
 * raised limit too. The condition is re-checked on the locked row, so concurrent claims never overshoot.
 */
export async function claimRateLimit(db: Db, key: string, limit: number, windowMs: number, now: Date): Promise<RateLimitResult> {
  const windowFloor = new Date(now.getTime() - windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor} THEN ${now} ELSE "RateLimit"."windowStart" END
    WHERE "RateLimit"."windowStart" <= ${windowFloor} OR "RateLimit"."count" < ${limit}
    RETURNING "count"`;
  if (rows.length > 0) return { allowed: true };
  const { resetAt } = await peekRateLimit(db, key, windowMs, now);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((resetAt?.getTime() ?? now.getTime()) - now.getTime()) / 1000)) };
}

/** Gives back one attempt counted against each key (an admitted sign-up that then failed), never below zero. */
export async function releaseRateLimit(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.$executeRaw`UPDATE "RateLimit" SET "count" = "count" - 1 WHERE "key" = ANY(${keys}) AND "count" > 0`;
}

/** How many attempts `key` has used in its current window, without counting one. */
export async function peekRateLimit(db: Db, key: string, windowMs: number, now: Date): Promise<{ count: number; resetAt: Date | null }> {
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    SELECT "count", "windowStart" FROM "RateLimit" WHERE "key" = ${key} AND "windowStart" > ${new Date(now.getTime() - windowMs)}`;
  const row = rows[0];
  return row ? { count: row.count, resetAt: new Date(row.windowStart.getTime() + windowMs) } : { count: 0, resetAt: null };
}

const HOUR_MS = 60 * 60_000;

/**
 * Per-address budgets. The address is the one TRUSTED_PROXY_HOPS selects (lib/http/client-address.ts), so
 * a whole school behind one NAT address shares each of them: they are sized for a class of 40 at once.
 */
export const AUTH_LIMITS = {
  signInPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  // A class of 40 signs in at the start of a lesson, and again after a sign-out; typos on top.
  signInPerIp: { limit: 100, windowMs: 15 * 60_000 },
  // Sign-ups without a join code. Class sign-ups are counted per class instead (lib/signups).
  signUpPerIp: { limit: 100, windowMs: HOUR_MS },
  // Each guest sign-in creates an account row; unthrottled, a script could fill the users table.
  guestPerIp: { limit: 100, windowMs: HOUR_MS },
  // Every account row created from one address in a day: sign-ups with or without a code, and guests.
  accountsPerIpPerDay: { limit: 500, windowMs: 24 * HOUR_MS },
} as const;

/** One sign-in attempt against both the account's and the address's budgets; refused if either is spent. */
export async function consumeSignInBudget(db: Db, email: string, ip: string, now: Date): Promise<RateLimitResult> {
  const perIp = await consumeRateLimit(db, `signin:ip:${ip}`, AUTH_LIMITS.signInPerIp.limit, AUTH_LIMITS.signInPerIp.windowMs, now);
  const perAccount = await consumeRateLimit(db, `signin:email:${email}`, AUTH_LIMITS.signInPerAccount.limit, AUTH_LIMITS.signInPerAccount.windowMs, now);
  if (perIp.allowed && perAccount.allowed) return { allowed: true };
  const waits = [perIp, perAccount].map((r) => (r.allowed ? 0 : r.retryAfterSeconds));
  return { allowed: false, retryAfterSeconds: Math.max(...waits) };
}

export { clientIp } from "@/lib/http/client-address";
