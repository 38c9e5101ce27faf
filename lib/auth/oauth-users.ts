import "server-only";
import type { Db } from "@/lib/db/client";

/** Links an OAuth sign-in to the local account with the same verified email, creating a student if none. */
export async function findOrCreateOAuthUser(db: Db, email: string, name: string) {
  const user = await db.user.upsert({
    where: { email: email.toLowerCase() },
    create: { email: email.toLowerCase(), name },
    update: {},
    select: { id: true, role: true, sessionVersion: true, name: true },
  });
  return user;
}
