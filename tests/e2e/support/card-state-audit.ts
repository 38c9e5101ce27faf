import { createDb } from "@/lib/db/client";
import { replayReviews } from "@/lib/srs/replay";
import type { ReviewRating } from "@/lib/srs/grade";
import { loadStudySettings } from "@/lib/study/settings";

/**
 * Compares every stored card state of these users with the state their review log replays to.
 * A card whose row and log disagree was corrupted (a lost write, a torn transaction); its id is returned.
 */
export async function findCardStatesDisagreeingWithLog(databaseUrl: string, userIds: string[]): Promise<{ checked: number; disagreeing: string[] }> {
  const db = createDb(databaseUrl, 2);
  const disagreeing: string[] = [];
  let checked = 0;
  try {
    for (const userId of userIds) {
      const settings = await loadStudySettings(db, userId);
      const [states, reviews] = await Promise.all([
        db.cardState.findMany({ where: { userId } }),
        db.reviewLog.findMany({ where: { userId }, select: { id: true, cardId: true, rating: true, reviewedAt: true, chosenInterval: true } }),
      ]);
      for (const stored of states) {
        checked += 1;
        const events = reviews
          .filter((r) => r.cardId === stored.cardId)
          .map((r) => ({ id: r.id, rating: r.rating as ReviewRating, reviewedAt: r.reviewedAt, chosenInterval: r.chosenInterval }));
        // Each review lands on the day load balancing stored with it.
        const replayed = replayReviews(events, settings, { easyDays: settings.easyDays });
        const same =
          replayed !== null &&
          replayed.due.getTime() === stored.due.getTime() &&
          replayed.stability === stored.stability &&
          replayed.difficulty === stored.difficulty &&
          replayed.reps === stored.reps &&
          replayed.lapses === stored.lapses &&
          replayed.state === stored.state;
        if (!same) disagreeing.push(`${userId}/${stored.cardId}`);
      }
    }
  } finally {
    await db.$disconnect();
  }
  return { checked, disagreeing };
}
