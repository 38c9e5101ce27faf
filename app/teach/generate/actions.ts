"use server";
import { revalidatePath } from "next/cache";
import { proposeCandidatesInWorker } from "@/lib/decks/article-in-worker";
import { saveGeneratedCards } from "@/lib/decks/save-generated";
import { generateRequestSchema, saveGeneratedSchema } from "@/lib/decks/schema";
import { teacherAction } from "../_lib/teacher-action";

/** Reads the article's context frame and proposes candidates, checked against the fact base, for review. */
export const generateCardsAction = teacherAction(generateRequestSchema, (input) => proposeCandidatesInWorker(input));

export const saveGeneratedCardsAction = teacherAction(saveGeneratedSchema, async (input, teacher, db) => {
  const result = await saveGeneratedCards(db, teacher.id, input);
  if (result.ok) {
    revalidatePath("/teach");
    revalidatePath(`/teach/decks/${result.data.deckId}`);
  }
  return result;
});
