import "server-only";
import { poolOf, type Db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import type { Role } from "@/lib/db/generated/client";

/** The fields sign-in needs, including the password hash that every other read omits. */
export function findCredentials(db: Db, email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, sessionVersion: true, passwordHash: true },
  });
}

type SessionFacts = { sessionVersion: number; role: Role; name: string; isGuest: boolean };

const SESSION_FACTS_SQL = `SELECT "sessionVersion", role::text AS role, name, "isGuest" FROM "User" WHERE id = $1`;

/**
 * What the JWT callback re-checks on every request: the account still exists and the session is current.
 * Plain SQL on pg because every signed-in request pays for it (see lib/db/sql.ts).
 */
export async function findSessionFacts(db: Db, userId: string): Promise<SessionFacts | null> {
  const rows = await sqlRows<SessionFacts>(poolOf(db), SESSION_FACTS_SQL, [userId]);
  return rows[0] ?? null;
}

/** The User columns that scheduling a review reads (`ReviewSettings`): FSRS settings and the learner's day. */
export const REVIEW_SETTINGS_SELECT = {
  desiredRetention: true,
  maximumInterval: true,
  learningSteps: true,
  relearningSteps: true,
  enableFuzz: true,
  fsrsParameters: true,
  timeZone: true,
  dayStartHour: true,
} as const;

/** The User columns that hold study and scheduling settings (`StudySettings`). */
export const USER_SETTINGS_SELECT = {
  ...REVIEW_SETTINGS_SELECT,
  newCardsPerDay: true,
  leechThreshold: true,
  suspendLeeches: true,
  easyDays: true,
} as const;

export function findUserSettings(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: USER_SETTINGS_SELECT });
}
export type UserSettings = NonNullable<Awaited<ReturnType<typeof findUserSettings>>>;
