import "server-only";
import type { Session } from "next-auth";
import { DatabaseUnavailableError } from "@/lib/db/availability";
import { SESSION_MAX_AGE_SECONDS, sessionCallbacks } from "./session-callbacks";
import { readSessionToken, type RequestCookie } from "./session-token";

export type SessionUser = { id: string; name: string; email: string | null; role: "STUDENT" | "TEACHER" | "SYSTEM"; isGuest: boolean };

/**
 * What next-auth's getServerSession answers, from the same jwt and session callbacks (which re-read the account
 * on every request), on a token decrypted once per cookie value (see session-token.ts). As in next-auth, a
 * callback that throws reads as no session.
 */
export async function readSession(cookies: readonly RequestCookie[]): Promise<Session | null> {
  const decoded = await readSessionToken(cookies);
  if (!decoded) return null;
  const { jwt, session } = sessionCallbacks;
  try {
    const token = await jwt({ token: decoded } as Parameters<typeof jwt>[0]);
    const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000).toISOString();
    const user = { name: decoded.name, email: decoded.email, image: decoded.picture };
    const answer = await session({ session: { user, expires }, token } as unknown as Parameters<typeof session>[0]);
    return (answer as Session).user ? (answer as Session) : null;
  } catch (error) {
    console.error("[auth] session check failed", error);
    return null;
  }
}

/**
 * The user these request cookies sign in, or null. Throws DatabaseUnavailableError when the database cannot
 * confirm the session, so an outage is answered as one (503, the outage page) and never as "sign in first".
 */
export async function sessionUserOf(cookies: readonly RequestCookie[]): Promise<SessionUser | null> {
  const session = await readSession(cookies);
  if (session?.databaseUnavailable) throw new DatabaseUnavailableError();
  return session?.user ?? null;
}
