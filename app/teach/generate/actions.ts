"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { proposeCandidatesInWorker } from "@/lib/decks/article-in-worker";
import { saveGeneratedCards } from "@/lib/decks/save-generated";
import { generateRequestSchema, saveGeneratedSchema } from "@/lib/decks/schema";
import type { ActionResult } from "@/lib/errors";
import type { ArticleCandidates } from "@/lib/generator/candidate-facts";
import { teacherFromSession } from "../_lib/teacher-session";
import { invalidInput } from "@/lib/errors";

/** Reads the article's context frame and proposes candidates, checked against the fact base, for review. */
export async function generateCardsAction(input: unknown): Promise<ActionResult<ArticleCandidates>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = generateRequestSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  return proposeCandidatesInWorker(parsed.data);
}

export async function saveGeneratedCardsAction(input: unknown): Promise<ActionResult<{ deckId: string; created: number; updated: number }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = saveGeneratedSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await saveGeneratedCards(getDb(), teacher.data.id, parsed.data);
  if (result.ok) {
    revalidatePath("/teach");
    revalidatePath(`/teach/decks/${result.data.deckId}`);
  }
  return result;
}
