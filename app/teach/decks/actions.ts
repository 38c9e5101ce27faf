"use server";
import { revalidatePath } from "next/cache";
import { ok } from "@/lib/errors";
import { copyDeck, createDeck, deleteDeck, setDeckPublic, updateDeck } from "@/lib/decks/mutations";
import { copyDeckSchema, deckFieldsSchema, deleteDeckSchema, publishDeckSchema, updateDeckSchema } from "@/lib/decks/schema";
import { teacherAction } from "../_lib/teacher-action";

export const createDeckAction = teacherAction(deckFieldsSchema, async (fields, teacher, db) => {
  const result = await createDeck(db, teacher.id, fields);
  if (result.ok) revalidatePath("/teach");
  return result;
});

export const updateDeckAction = teacherAction(updateDeckSchema, async ({ deckId, ...fields }, teacher, db) => {
  const result = await updateDeck(db, teacher.id, deckId, fields);
  if (result.ok) revalidatePath(`/teach/decks/${deckId}`);
  return result;
});

export const setDeckPublicAction = teacherAction(publishDeckSchema, async ({ deckId, isPublic }, teacher, db) => {
  const result = await setDeckPublic(db, teacher.id, deckId, isPublic);
  if (result.ok) revalidatePath(`/teach/decks/${deckId}`);
  return result;
});

export const copyDeckAction = teacherAction(copyDeckSchema, async ({ deckId }, teacher, db) => {
  const result = await copyDeck(db, teacher.id, deckId);
  if (result.ok) revalidatePath("/teach");
  return result;
});

export const deleteDeckAction = teacherAction(deleteDeckSchema, async ({ deckId }, teacher, db) => {
  const result = await deleteDeck(db, teacher.id, deckId);
  if (!result.ok) return result;
  revalidatePath("/teach");
  return ok(null);
});
