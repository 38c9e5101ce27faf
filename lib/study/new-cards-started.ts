import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { startOfStudyDay } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";

/**
 * New cards the learner started this study day (first reviews since the day began, in their time zone and day
 * start): the one count that the daily new-card limit and an exam's pace are both charged against.
 */
export function countNewCardsStartedToday(db: Db, userId: string, now: Date, daySettings: DaySettings, cardScope: Prisma.CardWhereInput = {}): Promise<number> {
  return db.reviewLog.count({ where: { userId, state: 0, reviewedAt: { gte: startOfStudyDay(now, daySettings) }, card: cardScope } });
}
