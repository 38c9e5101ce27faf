import "server-only";
import type { Db } from "@/lib/db/client";
import { peekRateLimit } from "@/lib/auth/rate-limit";
import { taughtByWhere } from "@/lib/classes/access";
import { CLASS_SIGN_UPS, classSignUpKeys } from "./limits";
import type { SignUpClass } from "./mutations";

/**
 * The class a join code opens, for the sign-up form. Public by design: the code is the credential, and
 * nothing is returned to the visitor but the class's name after the account exists.
 */
export function findClassForSignUp(db: Db, joinCode: string): Promise<(SignUpClass & { name: string }) | null> {
  return db.class.findUnique({ where: { joinCode }, select: { id: true, name: true, joinCode: true, signUpsPerHour: true } });
}

export type ClassSignUpActivity = {
  signUpsPerHour: number;
  /** Accounts created through the current code in the current hour's window. */
  signedUpThisHour: number;
  /** Students told "this class is full" in that window: they are waiting for the teacher. */
  turnedAwayThisHour: number;
  failedThisHour: number;
  /** The code is paused after too many refused sign-ups; regenerating it starts afresh. */
  paused: boolean;
  /** When the window's counts start again (null when nothing has been counted). */
  resetsAt: Date | null;
};

/** Sign-up activity on a class's join code, for one of its teachers only (null otherwise). */
export async function readClassSignUpActivity(db: Db, teacherId: string, classId: string, now: Date): Promise<ClassSignUpActivity | null> {
  const found = await db.class.findFirst({ where: { id: classId, ...taughtByWhere(teacherId) }, select: { joinCode: true, signUpsPerHour: true } });
  if (!found) return null;
  const keys = classSignUpKeys(found.joinCode);
  const [signedUp, turnedAway, failed] = await Promise.all(
    [keys.perHour, keys.refusedFull, keys.failures].map((key) => peekRateLimit(db, key, CLASS_SIGN_UPS.windowMs, now)),
  );
  return {
    signUpsPerHour: found.signUpsPerHour,
    signedUpThisHour: signedUp!.count,
    turnedAwayThisHour: turnedAway!.count,
    failedThisHour: failed!.count,
    paused: failed!.count >= CLASS_SIGN_UPS.failuresBeforePause,
    resetsAt: signedUp!.resetAt,
  };
}
