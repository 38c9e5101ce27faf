import "server-only";
import type { Db } from "@/lib/db/client";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { dayToTimestamp, type OwnDeckExamInput } from "./schema";

/** Sets or (with no date) clears the learner's exam on a deck they own; another's deck is refused as missing. */
export async function setOwnDeckExam(db: Db, userId: string, input: OwnDeckExamInput): Promise<ActionResult<{ deckId: string }>> {
  const deck = await db.deck.findFirst({ where: { id: input.deckId, ownerId: userId }, select: { id: true } });
  if (!deck) return fail("not_found", "That deck is not one of yours.");
  const key = { userId_deckId: { userId, deckId: deck.id } };
  if (!input.examDate) {
    await db.deckExam.deleteMany({ where: { userId, deckId: deck.id } });
    return ok({ deckId: deck.id });
  }
  const plan = { examDate: dayToTimestamp(input.examDate), targetRecall: input.targetRecall, finishDaysBefore: input.finishDaysBefore };
  await db.deckExam.upsert({ where: key, create: { userId, deckId: deck.id, ...plan }, update: plan });
  return ok({ deckId: deck.id });
}
