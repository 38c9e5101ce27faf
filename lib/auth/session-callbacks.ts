import "server-only";
import type { CallbacksOptions } from "next-auth";
import { isDatabaseUnavailable } from "@/lib/db/availability";
import { getDb } from "@/lib/db/client";
import { readEnv } from "@/lib/env";
import { findSessionFacts } from "@/lib/users/data";

/*
 * What turns a session token into a session on every request, apart from the sign-in providers in options.ts:
 * lib/http/direct-routes.ts reads sessions outside Next.js and has no use for sign-in.
 */

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Secure cookies (with next-auth's __Secure- names) whenever the site's public URL is https. next-auth would
 * infer the same from NEXTAUTH_URL; saying it here makes the rule visible and testable.
 */
export function usesSecureCookies(siteUrl: string | undefined = readEnv().NEXTAUTH_URL): boolean {
  return siteUrl?.startsWith("https://") ?? false;
}

export const sessionCallbacks: Pick<CallbacksOptions, "jwt" | "session"> = {
  async jwt({ token, user }) {
    if (user) {
      const fresh = user as unknown as { id: string; role: "STUDENT" | "TEACHER" | "SYSTEM"; sessionVersion: number };
      return { ...token, sub: fresh.id, role: fresh.role, sessionVersion: fresh.sessionVersion };
    }
    const { databaseUnavailable: _before, ...current } = token;
    if (!current.sub) return current;
    // Every request re-reads the session version: a password change or sign-out ends old tokens.
    let facts;
    try {
      facts = await findSessionFacts(getDb(), current.sub);
    } catch (error) {
      // A database outage is not a sign-out: the token stays, marked, and is checked again on the next request.
      if (isDatabaseUnavailable(error)) return { ...current, databaseUnavailable: true };
      throw error;
    }
    if (!facts || facts.sessionVersion !== current.sessionVersion) return { revoked: true };
    return { ...current, role: facts.role, name: facts.name, isGuest: facts.isGuest };
  },
  async session({ session, token }) {
    if (token.revoked || !token.sub) return { expires: session.expires };
    return {
      ...session,
      user: { id: token.sub, name: token.name ?? "", email: token.email ?? null, role: token.role, isGuest: token.isGuest ?? false },
      ...(token.databaseUnavailable ? { databaseUnavailable: true } : {}),
    };
  },
};
