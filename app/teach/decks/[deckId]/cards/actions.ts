"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createCard, deleteCard, deleteCards, moveCards, tagCards, updateCard } from "@/lib/cards/mutations";
import { bulkDeleteSchema, bulkMoveSchema, bulkTagSchema, cardContentSchema, idSchema } from "@/lib/cards/schema";
import { teacherAction } from "../../../_lib/teacher-action";

const deckScope = z.object({ deckId: idSchema });
const cardScope = deckScope.extend({ cardId: idSchema });

function refreshDeck(deckId: string) {
  revalidatePath(`/teach/decks/${deckId}`);
}

export const createCardAction = teacherAction([deckScope, cardContentSchema], async ([{ deckId }, content], teacher, db) => {
  const result = await createCard(db, teacher.id, deckId, content);
  if (result.ok) refreshDeck(deckId);
  return result;
});

export const updateCardAction = teacherAction([cardScope, cardContentSchema], async ([{ deckId, cardId }, content], teacher, db) => {
  const result = await updateCard(db, teacher.id, cardId, content);
  if (result.ok) refreshDeck(deckId);
  return result;
});

export const deleteCardAction = teacherAction(cardScope, async ({ deckId, cardId }, teacher, db) => {
  const result = await deleteCard(db, teacher.id, cardId);
  if (result.ok) refreshDeck(deckId);
  return result;
});

export const bulkTagAction = teacherAction([deckScope, bulkTagSchema], async ([{ deckId }, input], teacher, db) => {
  const result = await tagCards(db, teacher.id, input);
  if (result.ok) refreshDeck(deckId);
  return result;
});

export const bulkMoveAction = teacherAction([deckScope, bulkMoveSchema], async ([{ deckId }, input], teacher, db) => {
  const result = await moveCards(db, teacher.id, input);
  if (result.ok) {
    refreshDeck(deckId);
    refreshDeck(input.targetDeckId);
  }
  return result;
});

export const bulkDeleteAction = teacherAction([deckScope, bulkDeleteSchema], async ([{ deckId }, { cardIds }], teacher, db) => {
  const result = await deleteCards(db, teacher.id, cardIds);
  if (result.ok) refreshDeck(deckId);
  return result;
});
