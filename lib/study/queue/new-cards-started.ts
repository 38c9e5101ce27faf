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
    // Today's first reviews are found first, by the (userId, reviewedAt) index, and only then matched to their decks:
    // the statement is prepared (lib/db/sql.ts), and a plan that does not know whether a deck was named guessed
    // "one card" and probed the log once per card of every deck (4.8 ms against 0.6).
    `WITH started AS MATERIALIZED (
       SELECT r."cardId" FROM "ReviewLog" r WHERE r."userId" = $1 AND r.state = 0 AND r."reviewedAt" >= $2
     )
     SELECT count(*)::int AS count FROM started s JOIN "Card" c ON c.id = s."cardId"
     WHERE ($3::text IS NULL OR c."deckId" = $3) AND NOT (c."deckId" = ANY($4::text[]))`,
    [userId, startOfStudyDay(now, daySettings), scope.deckId ?? null, [...(scope.excludedDeckIds ?? [])]],
  );
  return row?.count ?? 0;
}
