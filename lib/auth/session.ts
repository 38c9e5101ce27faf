import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { readSessionClaim, type SessionClaim } from "./session-claim";
import { readSession, sessionUserOf, type SessionUser } from "./session-user";
import { isTeacher } from "./teacher";

export type { SessionUser };

const requestCookies = async () => (await cookies()).getAll();

/**
 * The signed-in user, or null. Throws DatabaseUnavailableError when the database cannot confirm the session, so
 * an outage is answered as one (503, the outage page) and never as "sign in first".
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  return sessionUserOf(await requestCookies());
}

/** The session the request's token claims, not yet confirmed (see session-claim.ts). */
export async function getSessionClaim(): Promise<SessionClaim | null> {
  return readSessionClaim(await requestCookies());
}

/**
 * For what frames every page (the header): the user the session token names, also while the database cannot be
 * asked, so a page that needs no data (the device's study page) still shows who is signed in during an outage.
 */
export async function getSessionUserForFrame(): Promise<SessionUser | null> {
  const session = await readSession(await requestCookies());
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
