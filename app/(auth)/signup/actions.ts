"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-address";
import { addStudentToClass } from "@/lib/classes/mutations";
import { getDb } from "@/lib/db/client";
import { type ActionResult, fail, invalidInput, ok } from "@/lib/errors";
import { findClassForSignUp } from "@/lib/signups/data";
import { admitAnonymousSignUp, admitClassSignUp, recordClassSignUpFailure, returnClassSignUp } from "@/lib/signups/mutations";
import { readJoinCode, signUpJoinSchema } from "@/lib/signups/schema";
import { createAccount } from "@/lib/users/mutations";
import { signUpSchema } from "@/lib/users/schema";

type SignedUp = { email: string; joinedClass: string | null };

const BAD_LINK = "This join link does not work any more. Ask your teacher for the current one.";

/**
 * Creates the account (upgrading a guest in place); the form then signs in with the same credentials.
 * With a join code (from /join/CODE -> /signup?join=CODE) the account is counted against the class's
 * limit instead of the address's, and the new student is put in the class.
 */
export async function signUpAction(input: unknown): Promise<ActionResult<SignedUp>> {
  const parsed = signUpSchema.safeParse(input);
  const joinField = signUpJoinSchema.safeParse(input);
  const rawCode = joinField.success ? joinField.data.joinCode : undefined;
  const db = getDb();
  const ip = clientIp(await headers());
  const now = new Date();
  const signUpClass = rawCode ? await findClassForSignUp(db, readJoinCode(rawCode) ?? "") : null;

  if (!parsed.success) {
    if (signUpClass) await recordClassSignUpFailure(db, signUpClass.joinCode, now);
    return invalidInput(parsed.error);
  }
  if (rawCode && !signUpClass) {
    // A wrong code costs the address's budget, so codes cannot be guessed through this form for free.
    const admitted = await admitAnonymousSignUp(db, ip, now);
    return admitted.ok ? fail("not_found", BAD_LINK) : admitted;
  }
  const admitted = signUpClass ? await admitClassSignUp(db, signUpClass, ip, now) : await admitAnonymousSignUp(db, ip, now);
  if (!admitted.ok) return admitted;

  const current = await getSessionUser();
  const account = signUpClass ? { ...parsed.data, role: "STUDENT" as const } : parsed.data;
  const created = await createAccount(db, account, current?.isGuest ? current.id : undefined);
  if (!created.ok) {
    if (signUpClass) {
      await returnClassSignUp(db, signUpClass.joinCode, ip);
      await recordClassSignUpFailure(db, signUpClass.joinCode, now);
    }
    return created;
  }
  if (!signUpClass) return ok({ email: created.data.email, joinedClass: null });
  await addStudentToClass(db, created.data.id, signUpClass.id);
  revalidatePath(`/teach/classes/${signUpClass.id}`);
  return ok({ email: created.data.email, joinedClass: signUpClass.name });
}
