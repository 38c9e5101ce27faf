"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { joinClass } from "@/lib/classes/mutations";
import { joinCodeSchema } from "@/lib/classes/schema";
import { getDb } from "@/lib/db/client";
import { type ActionResult, fail, invalidInput } from "@/lib/errors";

const joinSchema = z.object({ code: joinCodeSchema });

/** Joins the class with this code as a student; rate-limited per account in lib/classes. */
export async function joinClassAction(input: unknown): Promise<ActionResult<{ classId: string; name: string }>> {
  const user = await getSessionUser();
  if (!user) return fail("unauthenticated", "Sign in to join a class.");
  const parsed = joinSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Check the join code.");
  const result = await joinClass(getDb(), user.id, parsed.data.code, new Date());
  if (result.ok) {
    revalidatePath("/decks");
    revalidatePath("/dashboard");
  }
  return result;
}
