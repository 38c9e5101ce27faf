"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createCard, deleteCard, deleteCards, moveCards, tagCards, updateCard } from "@/lib/cards/mutations";
import { bulkDeleteSchema, bulkMoveSchema, bulkTagSchema, cardContentSchema, idSchema } from "@/lib/cards/schema";
import { getDb } from "@/lib/db/client";
import type { ActionResult } from "@/lib/errors";
import { teacherFromSession } from "../../../_lib/teacher-session";
import { invalidInput } from "@/lib/errors";

const deckScope = z.object({ deckId: idSchema });
const cardScope = deckScope.extend({ cardId: idSchema });

function refreshDeck(deckId: string) {
  revalidatePath(`/teach/decks/${deckId}`);
}

export async function createCardAction(scope: unknown, content: unknown): Promise<ActionResult<{ id: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const where = deckScope.safeParse(scope);
  if (!where.success) return invalidInput(where.error);
  const parsed = cardContentSchema.safeParse(content);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createCard(getDb(), teacher.data.id, where.data.deckId, parsed.data);
  if (result.ok) refreshDeck(where.data.deckId);
  return result;
}

export async function updateCardAction(scope: unknown, content: unknown): Promise<ActionResult<{ id: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const where = cardScope.safeParse(scope);
  if (!where.success) return invalidInput(where.error);
  const parsed = cardContentSchema.safeParse(content);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await updateCard(getDb(), teacher.data.id, where.data.cardId, parsed.data);
  if (result.ok) refreshDeck(where.data.deckId);
  return result;
}

export async function deleteCardAction(scope: unknown): Promise<ActionResult<{ id: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const where = cardScope.safeParse(scope);
  if (!where.success) return invalidInput(where.error);
  const result = await deleteCard(getDb(), teacher.data.id, where.data.cardId);
  if (result.ok) refreshDeck(where.data.deckId);
  return result;
}

export async function bulkTagAction(scope: unknown, input: unknown): Promise<ActionResult<{ count: number }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const where = deckScope.safeParse(scope);
  const parsed = bulkTagSchema.safeParse(input);
  if (!where.success) return invalidInput(where.error);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await tagCards(getDb(), teacher.data.id, parsed.data);
  if (result.ok) refreshDeck(where.data.deckId);
  return result;
}

export async function bulkMoveAction(scope: unknown, input: unknown): Promise<ActionResult<{ count: number }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const where = deckScope.safeParse(scope);
  const parsed = bulkMoveSchema.safeParse(input);
  if (!where.success) return invalidInput(where.error);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await moveCards(getDb(), teacher.data.id, parsed.data);
  if (result.ok) {
    refreshDeck(where.data.deckId);
    refreshDeck(parsed.data.targetDeckId);
  }
  return result;
}

export async function bulkDeleteAction(scope: unknown, input: unknown): Promise<ActionResult<{ count: number }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const where = deckScope.safeParse(scope);
  const parsed = bulkDeleteSchema.safeParse(input);
  if (!where.success) return invalidInput(where.error);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await deleteCards(getDb(), teacher.data.id, parsed.data.cardIds);
  if (result.ok) refreshDeck(where.data.deckId);
  return result;
}
