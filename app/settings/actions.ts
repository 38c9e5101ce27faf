"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { type ActionResult, fail, invalidInput, ok } from "@/lib/errors";
import { changePassword, deleteAccount, saveStudySettings } from "@/lib/users/mutations";
import { changePasswordSchema } from "@/lib/users/schema";
import { deleteAccountSchema, parseStudySettingsForm, type StudySettingsForm } from "@/lib/users/settings-form";

const SIGNED_OUT = fail("unauthenticated", "Your session has ended. Sign in again.");

/** Saves the study settings form; nothing is written unless every field is valid. */
export async function saveStudySettingsAction(form: FormData): Promise<ActionResult<StudySettingsForm>> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  const parsed = parseStudySettingsForm(form);
  if (!parsed.success) return invalidInput(parsed.error, "Check the highlighted settings.");
  await saveStudySettings(getDb(), user.id, parsed.data);
  revalidatePath("/settings");
  revalidatePath("/dashboard");
  return ok(parsed.data);
}

/** Changes the password; the bumped session version ends every session, this one included. */
export async function changePasswordAction(input: unknown): Promise<ActionResult<null>> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await changePassword(getDb(), user.id, parsed.data.currentPassword, parsed.data.newPassword);
  return result.ok ? ok(null) : result;
}

/** What a learner types to confirm deletion: their email, or "delete" for a guest, who has none. */
function confirmationFor(email: string | null): string {
  return email?.toLowerCase() ?? "delete";
}

/** Deletes the account and all personal data once the learner has typed the confirmation. */
export async function deleteAccountAction(input: unknown): Promise<ActionResult<null>> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  const parsed = deleteAccountSchema.safeParse(input);
  if (!parsed.success || parsed.data.confirmation.toLowerCase() !== confirmationFor(user.email)) {
    const message = user.email ? "Type your email address exactly to confirm." : "Type delete to confirm.";
    return fail("invalid_input", message, { fieldErrors: { confirmation: [message] } });
  }
  await deleteAccount(getDb(), user.id);
  return ok(null);
}
