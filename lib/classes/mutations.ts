import "server-only";
import type { Db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { retryWording } from "@/lib/auth/retry-wording";
import { isTeacherAccount } from "@/lib/auth/teacher";
import { assignableDeckWhere } from "@/lib/decks/access";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { dayToTimestamp, EXAM_DEFAULTS } from "@/lib/exams/schema";
import { taughtByWhere } from "./access";
import { generateJoinCode } from "./join-code";
import type { AssignDeckInput } from "./schema";
import { isUniqueViolation } from "@/lib/db/unique-violation";

const CLASS_NOT_FOUND = "That class does not exist or you do not teach it.";
// A student mistypes a code a few times; a script trying codes hits this long before it finds one.
export const JOIN_LIMIT = { limit: 10, windowMs: 15 * 60_000 };
const CODE_ATTEMPTS = 5;

/** Runs `write` with fresh join codes until one is unused (a clash is ~1 in 1e11 per existing class). */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}

/** Creates a class with the teacher as its first teacher member and a fresh join code. */
export async function createClass(db: Db, teacherId: string, name: string): Promise<ActionResult<{ id: string; joinCode: string }>> {
  if (!(await isTeacherAccount(db, teacherId))) return fail("forbidden", "Only teachers can create classes.");
  const created = await withFreshCode((joinCode) =>
    db.class.create({ data: { name, joinCode, members: { create: { userId: teacherId, role: "TEACHER" } } }, select: { id: true, joinCode: true } }),
  );
  return ok(created);
}

/** Replaces the join code; the old code and link stop working, members stay. */
export async function regenerateJoinCode(db: Db, teacherId: string, classId: string): Promise<ActionResult<{ joinCode: string }>> {
  const taught = await db.class.findFirst({ where: { id: classId, ...taughtByWhere(teacherId) }, select: { id: true } });
  if (!taught) return fail("not_found", CLASS_NOT_FOUND);
  const updated = await withFreshCode((joinCode) => db.class.update({ where: { id: classId }, data: { joinCode }, select: { joinCode: true } }));
  return ok(updated);
}

/** Deletes a class the user teaches, with its memberships and assignments (decks and progress stay). */
export async function deleteClass(db: Db, teacherId: string, classId: string): Promise<ActionResult<{ id: string }>> {
  const { count } = await db.class.deleteMany({ where: { id: classId, ...taughtByWhere(teacherId) } });
  return count === 1 ? ok({ id: classId }) : fail("not_found", CLASS_NOT_FOUND);
}

/**
 * Adds the user to the class with this code as a student, rate-limited per user. Joining again is a no-op;
 * a wrong code and a rate-limited attempt say nothing about which classes exist.
 */
export async function joinClass(db: Db, userId: string, joinCode: string, now: Date): Promise<ActionResult<{ classId: string; name: string }>> {
  const limit = await consumeRateLimit(db, `join:user:${userId}`, JOIN_LIMIT.limit, JOIN_LIMIT.windowMs, now);
  if (!limit.allowed) {
    return fail("rate_limited", `Too many attempts. Try again ${retryWording(limit.retryAfterSeconds)}.`, { retryAfterSeconds: limit.retryAfterSeconds });
  }
  const found = await db.class.findUnique({ where: { joinCode }, select: { id: true, name: true } });
  if (!found) return fail("not_found", "No class has that code. Check it with your teacher.", { fieldErrors: { code: ["No class has that code."] } });
  await addStudentToClass(db, userId, found.id);
  return ok({ classId: found.id, name: found.name });
}

/** Makes the user a student of the class (a no-op if already a member); the caller has checked the join code. */
export async function addStudentToClass(db: Db, userId: string, classId: string): Promise<void> {
  await db.classMember.upsert({
    where: { classId_userId: { classId, userId } },
    create: { classId, userId, role: "STUDENT" },
    update: {},
  });
}

/** Sets how many accounts the class's join link may create per hour (a class the user teaches). */
export async function setSignUpLimit(db: Db, teacherId: string, classId: string, signUpsPerHour: number): Promise<ActionResult<{ signUpsPerHour: number }>> {
  const { count } = await db.class.updateMany({ where: { id: classId, ...taughtByWhere(teacherId) }, data: { signUpsPerHour } });
  return count === 1 ? ok({ signUpsPerHour }) : fail("not_found", CLASS_NOT_FOUND);
}

/** Removes a student from a class the user teaches; their own study history is theirs and stays. */
export async function removeStudent(db: Db, teacherId: string, classId: string, studentId: string): Promise<ActionResult<{ userId: string }>> {
  const { count } = await db.classMember.deleteMany({
    where: { classId, userId: studentId, role: "STUDENT", class: taughtByWhere(teacherId) },
  });
  return count === 1 ? ok({ userId: studentId }) : fail("not_found", "That student is not in a class you teach.");
}

/** Assigns an own or public deck to a class the user teaches; assigning it again updates the dates, goal and exam. */
export async function assignDeck(db: Db, teacherId: string, input: AssignDeckInput): Promise<ActionResult<{ id: string }>> {
  const [taught, deck] = await Promise.all([
    db.class.findFirst({ where: { id: input.classId, ...taughtByWhere(teacherId) }, select: { id: true } }),
    db.deck.findFirst({ where: { id: input.deckId, ...assignableDeckWhere(teacherId) }, select: { id: true } }),
  ]);
  if (!taught) return fail("not_found", CLASS_NOT_FOUND);
  if (!deck)
    return fail("not_found", "That deck does not exist or cannot be assigned.", { fieldErrors: { deckId: ["Choose one of your decks or a public deck."] } });
  const plan = {
    targetDate: input.targetDate,
    dailyGoal: input.dailyGoal,
    examDate: input.examDate ? dayToTimestamp(input.examDate) : null,
    targetRecall: input.targetRecall ?? EXAM_DEFAULTS.targetRecall,
    finishDaysBefore: input.finishDaysBefore ?? EXAM_DEFAULTS.finishDaysBefore,
  };
  const assignment = await db.assignment.upsert({
    where: { classId_deckId: { classId: taught.id, deckId: deck.id } },
    create: { classId: taught.id, deckId: deck.id, ...plan },
    update: plan,
    select: { id: true },
  });
  return ok(assignment);
}

/** Ends an assignment of a class the user teaches. */
export async function unassignDeck(db: Db, teacherId: string, classId: string, assignmentId: string): Promise<ActionResult<{ id: string }>> {
  const { count } = await db.assignment.deleteMany({ where: { id: assignmentId, classId, class: taughtByWhere(teacherId) } });
  return count === 1 ? ok({ id: assignmentId }) : fail("not_found", "That assignment does not exist in a class you teach.");
}
