import path from "node:path";
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

export const TEMPLATE_DATABASE = "app_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/** One embedded PostgreSQL per test run, with a migrated template that each test file copies. */
export default async function setup(project: TestProject) {
  const dataDir = path.resolve(import.meta.dirname, "../../.data/test-run");
  rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  await ensureDatabase(server.urlFor("postgres"), TEMPLATE_DATABASE);
  await applyMigrations(server.urlFor(TEMPLATE_DATABASE));
  project.provide("adminDatabaseUrl", server.urlFor("postgres"));
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
