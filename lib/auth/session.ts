import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";

export type SessionUser = { id: string; name: string; email: string | null; role: "STUDENT" | "TEACHER" | "SYSTEM"; isGuest: boolean };

/** The signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
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
  if (user.role !== "TEACHER") redirect("/dashboard");
  return user;
}
