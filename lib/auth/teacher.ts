import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { fail, ok, type ActionResult } from "@/lib/errors";

/**
 * The teacher gate: the one place the rule for who may use teacher tools lives. Pages redirect with it
 * (`requireTeacher`), actions refuse with it (`teacherAction`), route handlers and the header ask `isTeacher`, and
 * lib functions that create teacher-owned rows re-read the role with `isTeacherAccount`.
 */
export function isTeacher(user: { role: string }): boolean {
  return user.role === "TEACHER";
}

/**
 * For actions: the signed-in teacher, or a refusal. Pages hide teacher tools from students, but actions are
 * public endpoints, so each one checks again on the server.
 */
export function teacherOnly<User extends { role: string }>(user: User | null): ActionResult<User> {
  if (!user) return fail("unauthenticated", "Your session has ended. Sign in again.");
  if (!isTeacher(user)) return fail("forbidden", "Only teachers can do this.");
  return ok(user);
}

/** Whether the account may use teacher tools; read from the database so a stale session cannot grant it. */
export async function isTeacherAccount(db: Db | Prisma.TransactionClient, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user !== null && isTeacher(user);
}
