import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { startOfStudyDay } from "@/lib/srs/day";
import type { DaySettings } from "@/lib/srs/settings";

/** Which cards count: one deck's, or every deck's but some (an exam deck's pace is charged apart). */
export type StartedScope = { deckId?: string; excludedDeckIds?: readonly string[] };

/**
 * New cards the learner started this study day (first reviews are logged in state 0, since the day began in their
 * time zone and day start): the one count that the daily new-card limit and an exam's pace are both charged
 * against. Plain SQL on pg, as every study queue, deck list and offline pack asks (see lib/db/sql.ts).
 */
export async function countNewCardsStartedToday(db: Db, userId: string, now: Date, daySettings: DaySettings, scope: StartedScope = {}): Promise<number> {
  const [row] = await sqlRows<{ count: number }>(
    poolOf(db),
    `SELECT count(*)::int AS count FROM "ReviewLog" r JOIN "Card" c ON c.id = r."cardId"
     WHERE r."userId" = $1 AND r.state = 0 AND r."reviewedAt" >= $2
       AND ($3::text IS NULL OR c."deckId" = $3) AND NOT (c."deckId" = ANY($4::text[]))`,
    [userId, startOfStudyDay(now, daySettings), scope.deckId ?? null, [...(scope.excludedDeckIds ?? [])]],
  );
  return row?.count ?? 0;
}
