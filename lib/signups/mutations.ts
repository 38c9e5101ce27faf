import "server-only";
import type { Db } from "@/lib/db/client";
import { AUTH_LIMITS, claimRateLimit, consumeRateLimit, peekRateLimit, releaseRateLimit, type RateLimitResult } from "@/lib/auth/rate-limit";
import { retryWording } from "@/lib/auth/retry-wording";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { accountsPerIpKey, CLASS_SIGN_UPS, classSignUpKeys } from "./limits";

type Refusal = { ok: false; code: "rate_limited"; message: string; retryAfterSeconds: number };

const refuse = (message: string, retryAfterSeconds: number): Refusal => fail("rate_limited", message, { retryAfterSeconds }) as Refusal;

function secondsUntil(resetAt: Date | null, now: Date, fallbackMs: number): number {
  return Math.max(1, Math.ceil(((resetAt?.getTime() ?? now.getTime() + fallbackMs) - now.getTime()) / 1000));
}

/** The first refusal among budgets counted in order; later ones are not counted once one refuses. */
async function firstRefusal(steps: (() => Promise<RateLimitResult>)[]): Promise<number | null> {
  for (const step of steps) {
    const result = await step();
    if (!result.allowed) return result.retryAfterSeconds;
  }
  return null;
}

/** An account row from `ip` against that address's daily budget (sign-ups of every kind and guests). */
function consumeAccountsPerDay(db: Db, ip: string, now: Date): Promise<RateLimitResult> {
  const { limit, windowMs } = AUTH_LIMITS.accountsPerIpPerDay;
  return claimRateLimit(db, accountsPerIpKey(ip), limit, windowMs, now);
}

/** A sign-up without a join code (or with one no class has): the address's hourly and daily budgets. */
export async function admitAnonymousSignUp(db: Db, ip: string, now: Date): Promise<ActionResult<null>> {
  const { limit, windowMs } = AUTH_LIMITS.signUpPerIp;
  const wait = await firstRefusal([() => consumeRateLimit(db, `signup:ip:${ip}`, limit, windowMs, now), () => consumeAccountsPerDay(db, ip, now)]);
  if (wait === null) return ok(null);
  return refuse(`Too many sign-ups from this network. Try again ${retryWording(wait)}, or ask your teacher for a class join link.`, wait);
}

/** A guest account from `ip`: the address's hourly guest budget and its daily account budget. */
export async function admitGuest(db: Db, ip: string, now: Date): Promise<RateLimitResult> {
  const { limit, windowMs } = AUTH_LIMITS.guestPerIp;
  const wait = await firstRefusal([() => consumeRateLimit(db, `guest:ip:${ip}`, limit, windowMs, now), () => consumeAccountsPerDay(db, ip, now)]);
  return wait === null ? { allowed: true } : { allowed: false, retryAfterSeconds: wait };
}

export type SignUpClass = { id: string; joinCode: string; signUpsPerHour: number };

/**
 * A sign-up through a class's join code, counted against the class rather than the address (a school's
 * students share one NAT address): the teacher's hourly limit, the code's daily cap and the address's daily
 * account cap. A code with many refused sign-ups this hour is paused until the hour ends or the teacher
 * regenerates it. Counters live in PostgreSQL, so every app process shares them.
 */
export async function admitClassSignUp(db: Db, signUpClass: SignUpClass, ip: string, now: Date): Promise<ActionResult<null>> {
  const keys = classSignUpKeys(signUpClass.joinCode);
  const failures = await peekRateLimit(db, keys.failures, CLASS_SIGN_UPS.windowMs, now);
  if (failures.count >= CLASS_SIGN_UPS.failuresBeforePause) {
    const wait = secondsUntil(failures.resetAt, now, CLASS_SIGN_UPS.windowMs);
    return refuse(
      `Sign-ups through this join link are paused after many failed attempts. Ask your teacher for a new link, or try again ${retryWording(wait)}.`,
      wait,
    );
  }
  const hourly = await claimRateLimit(db, keys.perHour, signUpClass.signUpsPerHour, CLASS_SIGN_UPS.windowMs, now);
  if (!hourly.allowed) {
    await consumeRateLimit(db, keys.refusedFull, Number.MAX_SAFE_INTEGER, CLASS_SIGN_UPS.windowMs, now);
    await recordClassSignUpFailure(db, signUpClass.joinCode, now);
    return refuse(
      `This class is full: it takes ${signUpClass.signUpsPerHour} new accounts an hour. Ask your teacher to let more students join, then try again (or try again ${retryWording(hourly.retryAfterSeconds)}).`,
      hourly.retryAfterSeconds,
    );
  }
  const wait = await firstRefusal([
    () => claimRateLimit(db, keys.perDay, CLASS_SIGN_UPS.perCodePerDay, CLASS_SIGN_UPS.dayMs, now),
    () => consumeAccountsPerDay(db, ip, now),
  ]);
  if (wait === null) return ok(null);
  await releaseRateLimit(db, [keys.perHour]);
  await recordClassSignUpFailure(db, signUpClass.joinCode, now);
  return refuse(`This join link has made as many accounts as it may today. Ask your teacher, or try again ${retryWording(wait)}.`, wait);
}

/** An admitted class sign-up that then failed (the email was taken, the password too weak): its places go back. */
export async function returnClassSignUp(db: Db, joinCode: string, ip: string): Promise<void> {
  const keys = classSignUpKeys(joinCode);
  await releaseRateLimit(db, [keys.perHour, keys.perDay, accountsPerIpKey(ip)]);
}

/** A refused or failed sign-up through a real join code; enough of them in an hour pause the code. */
export async function recordClassSignUpFailure(db: Db, joinCode: string, now: Date): Promise<void> {
  await consumeRateLimit(db, classSignUpKeys(joinCode).failures, Number.MAX_SAFE_INTEGER, CLASS_SIGN_UPS.windowMs, now);
}
