import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { listVisibleCardIds } from "@/lib/progress/data";
import type { ImportSummary, PersonalImport } from "./schema";

/** Review ids are global; one taken by another account gets an id derived from this account, stable across re-imports. */
function deriveReviewId(userId: string, id: string): string {
  return `imp_${createHash("sha256").update(`${userId}\n${id}`).digest("hex").slice(0, 32)}`;
}

/**
 * Imports an export into the learner's account in one transaction: settings replaced, states of the imported cards
 * replaced, reviews added once (re-importing adds nothing). Cards that are gone or not visible are skipped and counted.
 */
export async function importPersonalData(db: Db, userId: string, data: PersonalImport): Promise<ImportSummary> {
  const referenced = new Set([...data.cardStates.map((state) => state.cardId), ...data.reviews.map((review) => review.cardId)]);
  const visible = await listVisibleCardIds(db, userId, [...referenced]);
  const states = data.cardStates.filter((state) => visible.has(state.cardId));
  const reviews = data.reviews.filter((review) => visible.has(review.cardId));
  const existing = await db.reviewLog.findMany({ where: { id: { in: reviews.map((review) => review.id) } }, select: { id: true, userId: true } });
  const foreignIds = new Set(existing.filter((row) => row.userId !== userId).map((row) => row.id));

  const inserted = await db.$transaction(
    async (tx) => {
      await tx.user.update({ where: { id: userId }, data: data.settings });
      await tx.cardState.deleteMany({ where: { userId, cardId: { in: states.map((state) => state.cardId) } } });
      await tx.cardState.createMany({
        data: states.map((state) => ({
          userId,
          cardId: state.cardId,
          due: state.due,
          stability: state.stability,
          difficulty: state.difficulty,
          elapsedDays: state.elapsed_days,
          scheduledDays: state.scheduled_days,
          learningSteps: state.learning_steps,
          reps: state.reps,
          lapses: state.lapses,
          state: state.state,
          lastReview: state.last_review,
        })),
      });
      const created = await tx.reviewLog.createMany({
        data: reviews.map((review) => ({
          id: foreignIds.has(review.id) ? deriveReviewId(userId, review.id) : review.id,
          userId,
          cardId: review.cardId,
          rating: review.rating,
          state: review.state,
          due: review.due,
          stability: review.stability,
          difficulty: review.difficulty,
          elapsedDays: review.elapsed_days,
          lastElapsedDays: review.last_elapsed_days,
          scheduledDays: review.scheduled_days,
          learningSteps: review.learning_steps,
          reviewedAt: review.review,
          durationMs: review.durationMs,
          chosenInterval: review.chosen_interval,
        })),
        // Reviews already in this account (an earlier import, or the export's own source) are kept, not duplicated.
        skipDuplicates: true,
      });
      return created.count;
    },
    { timeout: 60_000 },
  );

  return { cardStates: states.length, reviews: inserted, duplicateReviews: reviews.length - inserted, skippedCards: referenced.size - visible.size };
}
