import "server-only";
import type { Session } from "next-auth";
import { redirect } from "next/navigation";
import { DatabaseUnavailableError } from "@/lib/db/availability";
import { authOptions } from "./options";
import { readSessionToken } from "./session-token";
import { isTeacher } from "./teacher";

export type SessionUser = { id: string; name: string; email: string | null; role: "STUDENT" | "TEACHER" | "SYSTEM"; isGuest: boolean };

/**
 * What next-auth's getServerSession answers, from the same jwt and session callbacks (which re-read the account
 * on every request), on a token decrypted once per cookie value (see session-token.ts). As in next-auth, a
 * callback that throws reads as no session.
 */
async function readSession(): Promise<Session | null> {
  const decoded = await readSessionToken();
  if (!decoded) return null;
  const { jwt, session } = authOptions.callbacks!;
  try {
    const token = await jwt!({ token: decoded } as Parameters<NonNullable<typeof jwt>>[0]);
    const expires = new Date(Date.now() + authOptions.session!.maxAge! * 1000).toISOString();
    const user = { name: decoded.name, email: decoded.email, image: decoded.picture };
    const answer = await session!({ session: { user, expires }, token } as unknown as Parameters<NonNullable<typeof session>>[0]);
    return (answer as Session).user ? (answer as Session) : null;
  } catch (error) {
    console.error("[auth] session check failed", error);
    return null;
  }
}

/**
 * The signed-in user, or null. Throws DatabaseUnavailableError when the database cannot confirm the session, so
 * an outage is answered as one (503, the outage page) and never as "sign in first".
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await readSession();
  if (session?.databaseUnavailable) throw new DatabaseUnavailableError();
  return session?.user ?? null;
}

/**
 * For what frames every page (the header): the user the session token names, also while the database cannot be
 * asked, so a page that needs no data (the device's study page) still shows who is signed in during an outage.
 */
export async function getSessionUserForFrame(): Promise<SessionUser | null> {
  const session = await readSession();
  return session?.user ?? null;
}

/** For pages: the signed-in user, or a redirect to sign in that comes back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For teacher pages: teachers only; students are sent to their dashboard. */
export async function requireTeacher(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!isTeacher(user)) redirect("/dashboard");
  return user;
}
