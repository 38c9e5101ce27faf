import "server-only";
import { getSessionUser } from "@/lib/auth/session";
import { makeTeacherAction } from "@/lib/auth/teacher-action";
import { getDb } from "@/lib/db/client";

/** Wraps a teacher server action: session, teacher gate, zod parse, then the lib call (lib/auth/teacher-action.ts). */
export const teacherAction = makeTeacherAction({ readSession: getSessionUser, getDb });
