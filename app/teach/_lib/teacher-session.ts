import "server-only";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { fail, ok, type ActionResult } from "@/lib/errors";

/**
 * For teacher actions and routes: the signed-in teacher, or a refusal. Pages hide teacher tools from students,
 * but actions are public endpoints, so each one checks again on the server.
 */
export async function teacherFromSession(): Promise<ActionResult<SessionUser>> {
  const user = await getSessionUser();
  if (!user) return fail("unauthenticated", "Your session has ended. Sign in again.");
  if (user.role !== "TEACHER") return fail("forbidden", "Only teachers can do this.");
  return ok(user);
}
