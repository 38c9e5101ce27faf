"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createClass, deleteClass, assignDeck, regenerateJoinCode, removeStudent, setSignUpLimit, unassignDeck } from "@/lib/classes/mutations";
import { assignDeckSchema, classIdSchema, classMemberSchema, createClassSchema, unassignSchema } from "@/lib/classes/schema";
import { getDb } from "@/lib/db/client";
import { type ActionResult, invalidInput, ok } from "@/lib/errors";
import { signUpLimitSchema } from "@/lib/signups/schema";
import { teacherFromSession } from "../_lib/teacher-session";

const classScope = z.object({ classId: classIdSchema });

function refreshClass(classId: string) {
  revalidatePath(`/teach/classes/${classId}`);
  revalidatePath("/teach");
}

export async function createClassAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = createClassSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createClass(getDb(), teacher.data.id, parsed.data.name);
  if (!result.ok) return result;
  revalidatePath("/teach");
  return ok({ id: result.data.id });
}

export async function regenerateJoinCodeAction(input: unknown): Promise<ActionResult<{ joinCode: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = classScope.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await regenerateJoinCode(getDb(), teacher.data.id, parsed.data.classId);
  if (result.ok) refreshClass(parsed.data.classId);
  return result;
}

export async function removeStudentAction(input: unknown): Promise<ActionResult<{ userId: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = classMemberSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await removeStudent(getDb(), teacher.data.id, parsed.data.classId, parsed.data.userId);
  if (result.ok) refreshClass(parsed.data.classId);
  return result;
}

export async function assignDeckAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = assignDeckSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await assignDeck(getDb(), teacher.data.id, parsed.data);
  if (result.ok) refreshClass(parsed.data.classId);
  return result;
}

export async function unassignDeckAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = unassignSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await unassignDeck(getDb(), teacher.data.id, parsed.data.classId, parsed.data.assignmentId);
  if (result.ok) refreshClass(parsed.data.classId);
  return result;
}

export async function deleteClassAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = classScope.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await deleteClass(getDb(), teacher.data.id, parsed.data.classId);
  if (result.ok) revalidatePath("/teach");
  return result;
}

/** How many accounts the class's join link may create per hour. */
export async function setSignUpLimitAction(input: unknown): Promise<ActionResult<{ signUpsPerHour: number }>> {
  const teacher = await teacherFromSession();
  if (!teacher.ok) return teacher;
  const parsed = signUpLimitSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await setSignUpLimit(getDb(), teacher.data.id, parsed.data.classId, parsed.data.signUpsPerHour);
  if (result.ok) refreshClass(parsed.data.classId);
  return result;
}
