import "server-only";
import type { Db } from "@/lib/db/client";
import { USER_SETTINGS_SELECT } from "@/lib/users/data";
import type { CsvReview } from "./csv";

/** How the export's days are counted, so another tool can replay the reviews to the same FSRS states. */
export const DAY_CONVENTION =
  "elapsed_days counts study days, as Anki does: a study day begins at settings.dayStartHour o'clock in settings.timeZone, and days elapsed are the study days between two reviews.";

/** Everything personal the app holds on the learner, in the export's shape; null if the account is gone. */
export async function loadPersonalExport(db: Db, userId: string, now: Date) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      role: true,
      isGuest: true,
      createdAt: true,
      ...USER_SETTINGS_SELECT,
    },
  });
  if (!user) return null;
  const [states, reviews] = await Promise.all([
    db.cardState.findMany({ where: { userId }, omit: { userId: true, suspended: true, buriedUntil: true, updatedAt: true }, orderBy: { cardId: "asc" } }),
    // previousState only serves undo on this server; an export need not carry it.
    db.reviewLog.findMany({ where: { userId }, omit: { userId: true, previousState: true, createdAt: true }, orderBy: [{ reviewedAt: "asc" }, { id: "asc" }] }),
  ]);
  const { name, email, role, isGuest, createdAt, ...settings } = user;
  return {
    version: 1 as const,
    exportedAt: now.toISOString(),
    account: { name, email, role, isGuest, createdAt },
    settings,
    dayConvention: DAY_CONVENTION,
    cardStates: states.map((state) => ({
      cardId: state.cardId,
      due: state.due,
      stability: state.stability,
      difficulty: state.difficulty,
      elapsed_days: state.elapsedDays,
      scheduled_days: state.scheduledDays,
      learning_steps: state.learningSteps,
      reps: state.reps,
      lapses: state.lapses,
      state: state.state,
      last_review: state.lastReview,
    })),
    reviews: reviews.map((review) => ({
      id: review.id,
      cardId: review.cardId,
      rating: review.rating,
      state: review.state,
      due: review.due,
      stability: review.stability,
      difficulty: review.difficulty,
      elapsed_days: review.elapsedDays,
      last_elapsed_days: review.lastElapsedDays,
      scheduled_days: review.scheduledDays,
      learning_steps: review.learningSteps,
      review: review.reviewedAt,
      durationMs: review.durationMs,
      chosen_interval: review.chosenInterval,
    })),
  };
}

/** The learner's reviews for the CSV export, oldest first. */
export function listCsvReviews(db: Db, userId: string): Promise<CsvReview[]> {
  return db.reviewLog.findMany({
    where: { userId },
    select: { cardId: true, reviewedAt: true, rating: true, state: true, durationMs: true },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
  });
}
