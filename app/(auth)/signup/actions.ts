"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { AUTH_LIMITS, clientIp, consumeRateLimit } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db/client";
import { fail, type ActionResult } from "@/lib/errors";
import { createAccount } from "@/lib/users/mutations";
import { signUpSchema } from "@/lib/users/schema";

/** Creates the account (upgrading a guest in place); the form then signs in with the same credentials. */
export async function signUpAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    return fail("invalid_input", "Check the highlighted fields.", { fieldErrors: z.flattenError(parsed.error).fieldErrors });
  }
  const db = getDb();
  const limit = await consumeRateLimit(db, `signup:ip:${clientIp(await headers())}`, AUTH_LIMITS.signUpPerIp.limit, AUTH_LIMITS.signUpPerIp.windowMs, new Date());
  if (!limit.allowed) {
    return fail("rate_limited", `Too many sign-ups from here. Try again in ${limit.retryAfterSeconds} seconds.`, { retryAfterSeconds: limit.retryAfterSeconds });
  }
  const current = await getSessionUser();
  const result = await createAccount(db, parsed.data, current?.isGuest ? current.id : undefined);
  return result.ok ? { ok: true, data: { email: result.data.email } } : result;
}
