import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { studySettingsSchema, type StudySettings } from "@/lib/srs/settings";
import { STUDIABLE_CARDS_SQL } from "./access";
import { USER_SETTINGS_COLUMNS } from "./settings";

/** Which of a grade's cards the learner may study, with when each was made (ms), and the learner's settings. */
export type GradeContext = { settings: StudySettings; cardsMadeAt: Map<string, number> };

/*
 * Both are read before the learner's lock, in one round trip instead of two: on these machines a round trip to
 * PostgreSQL costs the server about as much as a small statement (README, Benchmarks). A row per studiable card,
 * each with the settings; one row with no card when there is none.
 */
const GRADE_CONTEXT_SQL = `SELECT ${USER_SETTINGS_COLUMNS.map((column) => `u."${column}"`).join(", ")}, card.id AS "cardId", card."createdAt" AS "cardMadeAt"
FROM "User" u LEFT JOIN (${STUDIABLE_CARDS_SQL}) card ON true WHERE u.id = $1`;

/** What every grade reads first; throws if the account is gone, as loadStudySettings does. */
export async function loadGradeContext(db: Db, userId: string, cardIds: string[]): Promise<GradeContext> {
  const rows = await sqlRows<{ cardId: string | null; cardMadeAt: Date | null }>(poolOf(db), GRADE_CONTEXT_SQL, [userId, cardIds]);
  if (rows.length === 0) throw new Error("The user has no settings row.");
  return {
    settings: studySettingsSchema.parse(rows[0]),
    cardsMadeAt: new Map(rows.flatMap((row) => (row.cardId && row.cardMadeAt ? [[row.cardId, row.cardMadeAt.getTime()] as const] : []))),
  };
}
