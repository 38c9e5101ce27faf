import "server-only";
import { readSessionToken, type RequestCookie } from "./session-token";

/**
 * Who a session token names and the session version it was issued under, before the database has confirmed that
 * the session still stands. A grade confirms it under its own lock (lib/study/reviews/lock.ts) instead of in a
 * round trip and a wait for a pooled connection of its own; `confirmed` records that it did.
 */
export type SessionClaim = { userId: string; sessionVersion: number; confirmed: boolean };

/** The claim in these request cookies, or null when there is no token, it does not decrypt, or it names nobody. */
export async function readSessionClaim(cookies: readonly RequestCookie[]): Promise<SessionClaim | null> {
  const token = await readSessionToken(cookies);
  if (!token?.sub || typeof token.sessionVersion !== "number") return null;
  return { userId: token.sub, sessionVersion: token.sessionVersion, confirmed: false };
}

/** A claimed session found ended (signed out elsewhere, password changed, account deleted): the work is rolled back, the request answered 401. */
export class SessionEndedError extends Error {
  constructor() {
    super("This session has ended.");
  }
}
