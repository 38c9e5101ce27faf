"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createClass, deleteClass, assignDeck, regenerateJoinCode, removeStudent, setSignUpLimit, unassignDeck } from "@/lib/classes/mutations";
import { assignDeckSchema, classIdSchema, classMemberSchema, createClassSchema, unassignSchema } from "@/lib/classes/schema";
import { ok } from "@/lib/errors";
import { signUpLimitSchema } from "@/lib/signups/schema";
import { teacherAction } from "../_lib/teacher-action";

const classScope = z.object({ classId: classIdSchema });

function refreshClass(classId: string) {
  revalidatePath(`/teach/classes/${classId}`);
  revalidatePath("/teach");
}

export const createClassAction = teacherAction(createClassSchema, async ({ name }, teacher, db) => {
  const result = await createClass(db, teacher.id, name);
  if (!result.ok) return result;
  revalidatePath("/teach");
  return ok({ id: result.data.id });
});

export const regenerateJoinCodeAction = teacherAction(classScope, async ({ classId }, teacher, db) => {
  const result = await regenerateJoinCode(db, teacher.id, classId);
  if (result.ok) refreshClass(classId);
  return result;
});

export const removeStudentAction = teacherAction(classMemberSchema, async ({ classId, userId }, teacher, db) => {
  const result = await removeStudent(db, teacher.id, classId, userId);
  if (result.ok) refreshClass(classId);
  return result;
});

export const assignDeckAction = teacherAction(assignDeckSchema, async (input, teacher, db) => {
  const result = await assignDeck(db, teacher.id, input);
  if (result.ok) refreshClass(input.classId);
  return result;
});

export const unassignDeckAction = teacherAction(unassignSchema, async ({ classId, assignmentId }, teacher, db) => {
  const result = await unassignDeck(db, teacher.id, classId, assignmentId);
  if (result.ok) refreshClass(classId);
  return result;
});

export const deleteClassAction = teacherAction(classScope, async ({ classId }, teacher, db) => {
  const result = await deleteClass(db, teacher.id, classId);
  if (result.ok) revalidatePath("/teach");
  return result;
});

/** How many accounts the class's join link may create per hour. */
export const setSignUpLimitAction = teacherAction(signUpLimitSchema, async ({ classId, signUpsPerHour }, teacher, db) => {
  const result = await setSignUpLimit(db, teacher.id, classId, signUpsPerHour);
  if (result.ok) refreshClass(classId);
  return result;
});
