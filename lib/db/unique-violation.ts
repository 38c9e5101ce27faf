import { Prisma } from "./generated/client";

/** Whether a write failed on a unique constraint (a name, email or code already taken), which callers turn into a message. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
