import type { Db } from "@/lib/db/client";

let counter = 0;

/** A user row without a password (these tests call lib functions directly, as server actions do). */
export async function makeUser(db: Db, role: "TEACHER" | "STUDENT", name = `${role.toLowerCase()} ${++counter}`) {
  return db.user.create({ data: { name, role }, select: { id: true, name: true } });
}

/** A memory row as the study engineer's review writes it, for dashboard and edit-keeps-state checks. */
export function makeCardState(
  db: Db,
  userId: string,
  cardId: string,
  extra: { due?: Date; state?: number; reps?: number; lapses?: number; difficulty?: number } = {},
) {
  return db.cardState.create({
    data: {
      userId,
      cardId,
      due: extra.due ?? new Date("2026-03-01T00:00:00Z"),
      stability: 3,
      difficulty: extra.difficulty ?? 5,
      scheduledDays: 3,
      learningSteps: 0,
      reps: extra.reps ?? 1,
      lapses: extra.lapses ?? 0,
      state: extra.state ?? 2,
    },
  });
}
