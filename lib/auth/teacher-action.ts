import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { invalidInput, type ActionResult } from "@/lib/errors";
import type { SessionUser } from "./session";
import { teacherOnly } from "./teacher";

/** One schema for an action of one argument, or one per argument (a card action's scope, then its content). */
type Schemas = z.ZodType | readonly [z.ZodType, ...z.ZodType[]];
type Parsed<S extends Schemas> = S extends z.ZodType ? z.output<S> : { [K in keyof S]: S[K] extends z.ZodType ? z.output<S[K]> : never };
type RawArgs<S extends Schemas> = S extends z.ZodType ? [input: unknown] : { [K in keyof S]: unknown };

export type TeacherActionSeams = { readSession: () => Promise<SessionUser | null>; getDb: () => Db };

/**
 * Builds `teacherAction`, the one wrapper every teacher server action goes through: the session, the teacher gate
 * and the zod parse of each argument (the first failure answers, with its per-field messages), then the lib call
 * with typed input. The session reader and database are passed in so tests can hand in their own.
 */
export function makeTeacherAction({ readSession, getDb }: TeacherActionSeams) {
  return function teacherAction<const S extends Schemas, T>(
    schemas: S,
    run: (input: Parsed<S>, teacher: SessionUser, db: Db) => Promise<ActionResult<T>>,
  ): (...raw: RawArgs<S>) => Promise<ActionResult<T>> {
    const list = (Array.isArray(schemas) ? schemas : [schemas]) as readonly z.ZodType[];
    return async (...raw) => {
      const teacher = teacherOnly(await readSession());
      if (!teacher.ok) return teacher;
      const parsed: unknown[] = [];
      for (const [index, schema] of list.entries()) {
        const result = schema.safeParse(raw[index]);
        if (!result.success) return invalidInput(result.error);
        parsed.push(result.data);
      }
      return run((Array.isArray(schemas) ? parsed : parsed[0]) as Parsed<S>, teacher.data, getDb());
    };
  };
}
