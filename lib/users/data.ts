import "server-only";
import type { Db } from "@/lib/db/client";

/** The fields sign-in needs, including the password hash that every other read omits. */
export function findCredentials(db: Db, email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, sessionVersion: true, passwordHash: true },
  });
}

/** What the JWT callback re-checks on every request: the account still exists and the session is current. */
export function findSessionFacts(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true, role: true, name: true, isGuest: true } });
}

/** The User columns that hold study and scheduling settings. */
export const USER_SETTINGS_SELECT = {
  desiredRetention: true,
  newCardsPerDay: true,
  maximumInterval: true,
  learningSteps: true,
  relearningSteps: true,
  enableFuzz: true,
  timeZone: true,
  dayStartHour: true,
  fsrsParameters: true,
} as const;

export function findUserSettings(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: USER_SETTINGS_SELECT });
}
export type UserSettings = NonNullable<Awaited<ReturnType<typeof findUserSettings>>>;
