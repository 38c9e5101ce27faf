import "server-only";
import type { Db } from "@/lib/db/client";
import { sqlOnPrisma } from "@/lib/db/sql";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { createNewCardState } from "@/lib/srs/card-state";
import { endOfStudyDay } from "@/lib/srs/day";
import { canStudyCard } from "../access";

import { findStateRow, toPreviousStateJson } from "./rows";
import { withStudyLock } from "./lock";
import type { CardAction } from "../schema";
import { loadStudySettings } from "@/lib/study/settings";

export type CardActionOutcome = { actionId: string; cardId: string; action: CardAction; suspended: boolean; buriedUntil: string | null };

/**
 * Bury (hidden until the learner's next study day starts), unbury, suspend, unsuspend, or reset (back to new;
 * the review history stays). A card never studied gets a fresh new-card row to carry the flag. Each action is
 * logged with the row it replaced, so undo can put the card back exactly (lib/study/reviews/undo.ts).
 */
export async function applyCardAction(db: Db, userId: string, cardId: string, action: CardAction, now: Date): Promise<ActionResult<CardActionOutcome>> {
  if (!(await canStudyCard(db, userId, cardId))) return fail("not_found", "That card is not in your decks.");
  const settings = await loadStudySettings(db, userId);
  const change = {
    bury: { buriedUntil: endOfStudyDay(now, settings) },
    unbury: { buriedUntil: null },
    suspend: { suspended: true },
    unsuspend: { suspended: false },
    reset: { ...createNewCardState(now), buriedUntil: null, leech: false },
  }[action];
  return withStudyLock(db, userId, async (tx) => {
    const before = await findStateRow(sqlOnPrisma(tx), userId, cardId);
    const row = await tx.cardState.upsert({
      where: { userId_cardId: { userId, cardId } },
      create: { userId, cardId, ...createNewCardState(now), ...change },
      update: change,
      select: { suspended: true, buriedUntil: true },
    });
    const log = await tx.cardActionLog.create({
      data: { userId, cardId, action, previousState: before ? toPreviousStateJson(before) : undefined },
      select: { id: true },
    });
    return ok({ actionId: log.id, cardId, action, suspended: row.suspended, buriedUntil: row.buriedUntil?.toISOString() ?? null });
  });
}

/** Hides the card until the start of the learner's next study day, in their own time zone. */
export const buryCard = (db: Db, userId: string, cardId: string, now: Date) => applyCardAction(db, userId, cardId, "bury", now);
export const unburyCard = (db: Db, userId: string, cardId: string, now: Date) => applyCardAction(db, userId, cardId, "unbury", now);
export const suspendCard = (db: Db, userId: string, cardId: string, now: Date) => applyCardAction(db, userId, cardId, "suspend", now);
export const unsuspendCard = (db: Db, userId: string, cardId: string, now: Date) => applyCardAction(db, userId, cardId, "unsuspend", now);
export const resetCard = (db: Db, userId: string, cardId: string, now: Date) => applyCardAction(db, userId, cardId, "reset", now);
