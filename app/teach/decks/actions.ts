"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { type ActionResult, invalidInput, ok } from "@/lib/errors";
import { copyDeck, createDeck, deleteDeck, setDeckPublic, updateDeck } from "@/lib/decks/mutations";
import { copyDeckSchema, deckFieldsSchema, deleteDeckSchema, publishDeckSchema, updateDeckSchema } from "@/lib/decks/schema";
import { teacherFromSession } from "../_lib/teacher-session";

export async function createDeckAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = deckFieldsSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createDeck(getDb(), teacher.data.id, parsed.data);
  if (result.ok) revalidatePath("/teach");
  return result;
}

export async function updateDeckAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = updateDeckSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { deckId, ...fields } = parsed.data;
  const result = await updateDeck(getDb(), teacher.data.id, deckId, fields);
  if (result.ok) revalidatePath(`/teach/decks/${deckId}`);
  return result;
}

export async function setDeckPublicAction(input: unknown): Promise<ActionResult<{ isPublic: boolean }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = publishDeckSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await setDeckPublic(getDb(), teacher.data.id, parsed.data.deckId, parsed.data.isPublic);
  if (result.ok) revalidatePath(`/teach/decks/${parsed.data.deckId}`);
  return result;
}

export async function copyDeckAction(input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = copyDeckSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await copyDeck(getDb(), teacher.data.id, parsed.data.deckId);
  if (result.ok) revalidatePath("/teach");
  return result;
}

export async function deleteDeckAction(input: unknown): Promise<ActionResult<null>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = deleteDeckSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await deleteDeck(getDb(), teacher.data.id, parsed.data.deckId);
  if (!result.ok) return result;
  revalidatePath("/teach");
  return ok(null);
}
