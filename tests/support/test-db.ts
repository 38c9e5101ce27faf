import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/embedded-postgres";

/** A fresh migrated database for this test file, copied from the run's template and dropped after it. */
export async function createTestDb(): Promise<Db> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name, "app_template");
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), 5);
  afterAll(() => db.$disconnect());
  return db;
}
