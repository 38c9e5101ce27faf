import type { Prisma } from "@/lib/db/generated/client";

/** Classes in which the user is a teacher; every teacher-side read and write filters by it. */
export function taughtByWhere(teacherId: string): Prisma.ClassWhereInput {
  return { members: { some: { userId: teacherId, role: "TEACHER" } } };
}
