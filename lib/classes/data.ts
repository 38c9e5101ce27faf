import "server-only";
import type { Db } from "@/lib/db/client";
import { taughtByWhere } from "./access";

/** Classes the user teaches, with member and assignment counts. */
export function listTaughtClasses(db: Db, teacherId: string) {
  return db.class.findMany({
    where: taughtByWhere(teacherId),
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, joinCode: true, _count: { select: { members: { where: { role: "STUDENT" } }, assignments: true } } },
  });
}

/** A class's roster, code and assignments, only for one of its teachers; null otherwise. */
export function findTaughtClass(db: Db, teacherId: string, classId: string) {
  return db.class.findFirst({
    where: { id: classId, ...taughtByWhere(teacherId) },
    select: {
      id: true,
      name: true,
      joinCode: true,
      members: { orderBy: { joinedAt: "asc" }, select: { role: true, joinedAt: true, user: { select: { id: true, name: true } } } },
      assignments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          targetDate: true,
          dailyGoal: true,
          examDate: true,
          targetRecall: true,
          deck: { select: { id: true, name: true, _count: { select: { cards: true } } } },
        },
      },
    },
  });
}

/** The classes a student belongs to, with what is assigned in each (their own view; no other members). */
export function listJoinedClasses(db: Db, userId: string) {
  return db.class.findMany({
    where: { members: { some: { userId, role: "STUDENT" } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, assignments: { select: { targetDate: true, dailyGoal: true, deck: { select: { id: true, name: true } } } } },
  });
}
