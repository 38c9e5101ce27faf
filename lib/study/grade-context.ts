import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { studySettingsSchema, type StudySettings } from "@/lib/srs/settings";
import { STUDIABLE_CARDS_SQL } from "./access";
import { SETTINGS_COLUMNS } from "./settings";

/** Which of a grade's cards the learner may study, with when each was made (ms), and the learner's settings. */
export type GradeContext = { settings: StudySettings; cardsMadeAt: Map<string, number> };

/*
 * Both are read before the learner's lock, in one round trip instead of two: on these machines each round trip
 * to PostgreSQL costs the server more than the statement itself (README, Benchmarks).
 */
const GRADE_CONTEXT_SQL = `WITH card AS (${STUDIABLE_CARDS_SQL})
SELECT ${SETTINGS_COLUMNS},
       ARRAY(SELECT id FROM card ORDER BY id) AS "studiableIds",
       ARRAY(SELECT (extract(epoch FROM "createdAt") * 1000)::float8 FROM card ORDER BY id) AS "studiableMadeAt"
FROM "User" WHERE id = $1`;

/** What every grade reads first; throws if the account is gone, as loadStudySettings does. */
export async function loadGradeContext(db: Db, userId: string, cardIds: string[]): Promise<GradeContext> {
  const [row] = await sqlRows<{ studiableIds: string[]; studiableMadeAt: number[] }>(poolOf(db), GRADE_CONTEXT_SQL, [userId, cardIds]);
  if (!row) throw new Error("The user has no settings row.");
  return {
    settings: studySettingsSchema.parse(row),
    cardsMadeAt: new Map(row.studiableIds.map((id, index) => [id, row.studiableMadeAt[index]!])),
  };
}
