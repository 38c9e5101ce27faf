"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { toSourceDocument } from "@/lib/decks/article-text";
import { saveGeneratedCards } from "@/lib/decks/save-generated";
import { generateRequestSchema, saveGeneratedSchema } from "@/lib/decks/schema";
import { ok, type ActionResult } from "@/lib/errors";
import { generateCards } from "@/lib/generator/generate";
import type { GeneratedCard, SourceConflict } from "@/lib/generator/types";
import { invalidInput } from "../_lib/invalid-input";
import { teacherFromSession } from "../_lib/teacher-session";

type Generated = { cards: GeneratedCard[]; conflicts: SourceConflict[]; rejectedCount: number };

/** Runs the generator on the server (it is pure and deterministic) and returns candidates for review. */
export async function generateCardsAction(input: unknown): Promise<ActionResult<Generated>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = generateRequestSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { cards, conflicts, rejected } = generateCards([toSourceDocument(parsed.data.name, parsed.data.text)]);
  return ok({ cards, conflicts, rejectedCount: rejected.length });
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
