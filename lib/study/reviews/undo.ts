import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type ActionResult, fail, ok } from "@/lib/errors";
import type { StoredCardState } from "@/lib/srs/card-state";
import type { StudySettings } from "@/lib/srs/settings";

import { withStudyLock } from "./lock";
import { rebuildCardHistory } from "./history";
import { parseCardState, previousStateSchema, type CardAction, type ParsedUndoInput, type StudyCard } from "../schema";
import { CARD_CONTENT_SELECT, toStudyCard } from "../queue/study-card";
import { loadStudySettings } from "@/lib/study/settings";

/** What was taken back (a review, or which card action) and the card as it is again, to show it once more. */
export type UndoOutcome = { step: "review" | CardAction; id: string; card: StudyCard };

type Step = { kind: "review" | "action"; id: string; userId: string; cardId: string; createdAt: Date };

const STEP_SELECT = { id: true, userId: true, cardId: true, createdAt: true } as const;

async function latestReview(tx: Prisma.TransactionClient, where: Prisma.ReviewLogWhereInput): Promise<Step | null> {
  const row = await tx.reviewLog.findFirst({ where, orderBy: [{ createdAt: "desc" }, { reviewedAt: "desc" }], select: STEP_SELECT });
  return row && { kind: "review", ...row };
}

async function latestAction(tx: Prisma.TransactionClient, where: Prisma.CardActionLogWhereInput): Promise<Step | null> {
  const row = await tx.cardActionLog.findFirst({ where, orderBy: { createdAt: "desc" }, select: STEP_SELECT });
  return row && { kind: "action", ...row };
}

/** The later of two steps; a card action logged in the same millisecond as a review counts as the later one. */
function later(review: Step | null, action: Step | null): Step | null {
  if (!review || !action) return review ?? action;
  return review.createdAt.getTime() > action.createdAt.getTime() ? review : action;
}

/** The step the client named, if it is the learner's own and nothing later touched its card; else the latest step. */
async function findStepToUndo(tx: Prisma.TransactionClient, userId: string, named: ParsedUndoInput) {
  if (!named.reviewId && !named.actionId) {
    const step = later(await latestReview(tx, { userId }), await latestAction(tx, { userId }));
    return step ?? fail("not_found", "There is nothing to undo.");
  }
  const step = named.reviewId ? await latestReview(tx, { id: named.reviewId, userId }) : await latestAction(tx, { id: named.actionId, userId });
  const onCard = step && later(await latestReview(tx, { userId, cardId: step.cardId }), await latestAction(tx, { userId, cardId: step.cardId }));
  if (!step || onCard?.id !== step.id) return fail("conflict", "That card has changed since, so this step can no longer be undone here.");
  return step;
}

/**
 * Takes back the learner's last study step, whatever it was: a grade (its log is deleted and the card restored
 * exactly as it was before, or forgotten again after a first review) or a bury, unbury, suspend, unsuspend or
 * reset (the card row it replaced is put back). `named` (undoInputSchema, parsed by POST /api/reviews/undo) picks
 * the step, or names none for the latest. Returns the card, to show it again.
 */
export async function undoLastStep(db: Db, userId: string, named: ParsedUndoInput): Promise<ActionResult<UndoOutcome>> {
  const settings = await loadStudySettings(db, userId);
  return withStudyLock(db, userId, async (tx) => {
    const step = await findStepToUndo(tx, userId, named);
    if (!("kind" in step)) return step;
    const card = await tx.card.findUniqueOrThrow({ where: { id: step.cardId }, select: CARD_CONTENT_SELECT });
    if (step.kind === "review") {
      const state = await undoReview(tx, userId, step.id, settings);
      return ok({ step: "review", id: step.id, card: toStudyCard(card, state) });
    }
    const { action, previousState } = await tx.cardActionLog.delete({ where: { id: step.id }, select: { action: true, previousState: true } });
    const state = await restoreRow(tx, userId, step.cardId, previousState);
    return ok({ step: action as CardAction, id: step.id, card: toStudyCard(card, state) });
  });
}

/** Deletes the review's log and puts its card back as it was before it; the card's FSRS state now. */
async function undoReview(tx: Prisma.TransactionClient, userId: string, reviewId: string, settings: StudySettings): Promise<StoredCardState | null> {
  const review = await tx.reviewLog.delete({ where: { id: reviewId }, select: { cardId: true, reviewedAt: true, previousState: true } });
  // A review synced late may sit before others of the card in time; the card is then its log replayed without it.
  if (await tx.reviewLog.count({ where: { userId, cardId: review.cardId, reviewedAt: { gt: review.reviewedAt } } })) {
    return rebuildCardHistory(tx, userId, review.cardId, [], settings);
  }
  return restoreRow(tx, userId, review.cardId, review.previousState);
}

/** Writes back a CardState row as a log kept it (ReviewLog/CardActionLog.previousState); null means there was none. */
async function restoreRow(tx: Prisma.TransactionClient, userId: string, cardId: string, previousState: Prisma.JsonValue): Promise<StoredCardState | null> {
  if (previousState === null) {
    await tx.cardState.deleteMany({ where: { userId, cardId } });
    return null;
  }
  const stored = previousStateSchema.parse(previousState);
  // The leech tag goes back too, so undoing the lapse that made a card a leech also lifts the tag and its suspension.
  const restored = {
    ...parseCardState(stored),
    suspended: stored.suspended,
    buriedUntil: stored.buriedUntil ? new Date(stored.buriedUntil) : null,
    leech: stored.leech,
  };
  const key = { userId_cardId: { userId, cardId } };
  await tx.cardState.upsert({ where: key, create: { userId, cardId, ...restored }, update: restored });
  return parseCardState(stored);
}
