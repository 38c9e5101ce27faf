"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { type ActionResult, fail, invalidInput } from "@/lib/errors";
import { setOwnDeckExam } from "@/lib/exams/mutations";
import { ownDeckExamSchema } from "@/lib/exams/schema";

/** Sets or clears the exam on one of the learner's own decks. */
export async function setOwnDeckExamAction(input: unknown): Promise<ActionResult<{ deckId: string }>> {
  const user = await getSessionUser();
  if (!user) return fail("unauthenticated", "Your session has ended. Sign in again.");
  const parsed = ownDeckExamSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await setOwnDeckExam(getDb(), user.id, parsed.data);
  if (result.ok) {
    revalidatePath("/study");
    revalidatePath("/dashboard");
  }
  return result;
}
