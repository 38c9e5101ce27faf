import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlOn, type Sql } from "@/lib/db/sql";
import type { StoredCardState } from "@/lib/srs/card-state";
import { startOfStudyDay } from "@/lib/srs/day";
import { findBalanceRange, type ReviewRating } from "@/lib/srs/grade";
import type { LoadBalance } from "@/lib/srs/load-balance";
import type { DaySettings, StudySettings } from "@/lib/srs/settings";

const DAY_MS = 86_400_000;
/** How far ahead the study screen is told the learner's load, for the device to balance its own grades. */
export const DUE_COUNT_DAYS = 90;

/**
 * The learner's reviews due on each study day ("YYYY-MM-DD" in their zone and day start) between two instants:
 * studied cards that are not suspended, `excludeCardId` left out. Grouped in SQL, since a learner may have
 * thousands of cards due in the window.
 */
export async function countDueByDay(
  sql: Sql,
  userId: string,
  window: { from: Date; to: Date },
  day: DaySettings,
  excludeCardId = "",
): Promise<Record<string, number>> {
  const rows = await sql<{ day: string; count: number }>(
    `SELECT to_char(((due AT TIME ZONE 'UTC') AT TIME ZONE $2) - make_interval(hours => $3::int), 'YYYY-MM-DD') AS day,
            count(*)::int AS count
     FROM "CardState"
     WHERE "userId" = $1 AND state <> 0 AND NOT suspended AND due >= $4 AND due < $5 AND "cardId" <> $6
     GROUP BY 1`,
    [userId, day.timeZone, day.dayStartHour, window.from, window.to, excludeCardId],
  );
  return Object.fromEntries(rows.map((row) => [row.day, row.count]));
}

/** The learner's load from today's study day on, for the device's own load balancing. */
export function countUpcomingDue(db: Db, userId: string, now: Date, day: DaySettings): Promise<Record<string, number>> {
  return countDueByDay(sqlOn(poolOf(db)), userId, { from: startOfStudyDay(now, day), to: new Date(now.getTime() + DUE_COUNT_DAYS * DAY_MS) }, day);
}

/**
 * How the server balances a review it stores. A day the device chose is kept when it lies in the fuzz range the
 * server computes; when it does not (the server holds another history of the card), the server's choice is the
 * balancer's on an even load, decided by the review id and easy days alone, so every replay makes the same one.
 * A review with no day (POST /api/reviews, older clients) is balanced on the learner's load read from the database.
 */
export async function balanceOnServer(
  sql: Sql,
  userId: string,
  review: { reviewId: string; cardId: string; rating: ReviewRating; reviewedAt: Date; chosenInterval?: number | null },
  previous: StoredCardState | null,
  settings: StudySettings,
): Promise<LoadBalance> {
  const balance = { reviewId: review.reviewId, easyDays: settings.easyDays, chosenInterval: review.chosenInterval };
  if (review.chosenInterval != null) return balance;
  const range = findBalanceRange(previous, review.rating, review.reviewedAt, settings);
  if (!range) return balance;
  // A study day spans up to 25 hours around the instants the candidate days are named by.
  const window = {
    from: new Date(review.reviewedAt.getTime() + (range.min - 2) * DAY_MS),
    to: new Date(review.reviewedAt.getTime() + (range.max + 2) * DAY_MS),
  };
  const counts = await countDueByDay(sql, userId, window, settings, review.cardId);
  return { ...balance, dueOn: (dayKey) => counts[dayKey] ?? 0 };
}
