import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { type ActionResult, fail, ok } from "@/lib/errors";
import type { SignUpInput } from "./schema";
import type { StudySettingsForm } from "./settings-form";
import { isUniqueViolation } from "@/lib/db/unique-violation";

type CreatedUser = { id: string; email: string; name: string; role: "STUDENT" | "TEACHER" };

/** Creates a password account; a guest's id may be passed to keep their progress. */
export async function createAccount(db: Db, input: SignUpInput, guestId?: string): Promise<ActionResult<CreatedUser>> {
  const problem = await passwordProblem(input.password, input.email);
  if (problem) return fail("invalid_input", problem, { fieldErrors: { password: [problem] } });
  const passwordHash = await hashPassword(input.password);
  const data = { email: input.email, name: input.name, role: input.role, passwordHash, isGuest: false };
  try {
    const user = guestId
      ? await db.user.update({ where: { id: guestId, isGuest: true }, data: { ...data, sessionVersion: { increment: 1 } } })
      : await db.user.create({ data });
    return ok({ id: user.id, email: input.email, name: user.name, role: input.role });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return fail("conflict", "An account with this email already exists. Sign in instead.", {
        fieldErrors: { email: ["An account with this email already exists."] },
      });
    }
    throw error;
  }
}

/** A throwaway account for "Try it without an account"; it can later become a real one. */
export async function createGuest(db: Db): Promise<{ id: string; name: string }> {
  const suffix = randomBytes(3).toString("hex");
  return db.user.create({ data: { name: `Guest ${suffix}`, isGuest: true }, select: { id: true, name: true } });
}

/** Changes the password and bumps the session version, which signs out every other session. */
export async function changePassword(db: Db, userId: string, currentPassword: string, newPassword: string): Promise<ActionResult<{ sessionVersion: number }>> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    return fail("invalid_input", "The current password is wrong.", { fieldErrors: { currentPassword: ["The current password is wrong."] } });
  }
  const problem = await passwordProblem(newPassword, user.email ?? undefined);
  if (problem) return fail("invalid_input", problem, { fieldErrors: { newPassword: [problem] } });
  const updated = await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return ok(updated);
}

/** Ends every session of the user (used by sign-out so a copied token stops working). */
export async function revokeSessions(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Deletes the account and, by cascade, every personal row: states, reviews, memberships, quizzes, own decks. */
export async function deleteAccount(db: Db, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.delete({ where: { id: userId }, select: { email: true } });
    // The sign-in throttle is keyed by email address, which is personal data too.
    if (user.email) await tx.rateLimit.deleteMany({ where: { key: `signin:email:${user.email}` } });
  });
}

/** Stores the study settings the settings form edits, all at once. */
export async function saveStudySettings(db: Db, userId: string, settings: StudySettingsForm): Promise<void> {
  await db.user.update({ where: { id: userId }, data: settings });
}

/** Stores personal FSRS weights; an empty list returns the learner to the defaults. */
export async function saveFsrsParameters(db: Db, userId: string, weights: number[]): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { fsrsParameters: weights } });
}
