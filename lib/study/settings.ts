import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { studySettingsSchema, type StudySettings } from "@/lib/srs/settings";
import { USER_SETTINGS_SELECT } from "@/lib/users/data";

export const USER_SETTINGS_COLUMNS = Object.keys(USER_SETTINGS_SELECT);
const SETTINGS_COLUMNS = USER_SETTINGS_COLUMNS.map((column) => `"${column}"`).join(", ");

/**
 * The learner's scheduling and study-day settings, validated; throws if the account is gone. Plain SQL on pg:
 * every grade reads them (see lib/db/sql.ts). The columns are USER_SETTINGS_SELECT's.
 */
export async function loadStudySettings(db: Db, userId: string): Promise<StudySettings> {
  const [row] = await sqlRows(poolOf(db), `SELECT ${SETTINGS_COLUMNS} FROM "User" WHERE id = $1`, [userId]);
  if (!row) throw new Error("The user has no settings row.");
  return studySettingsSchema.parse(row);
}
