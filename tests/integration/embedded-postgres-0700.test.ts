import { chmodSync, lstatSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

/**
 * Issue #21 item 14: as root, PostgreSQL runs as the `postgres` user, who cannot enter a folder of mode 0700
 * (root's home, `mktemp -d`). A checkout there used to crash with `spawn …/initdb EACCES`.
 */

async function migrationsApplied(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"')).rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe.skipIf(process.getuid?.() !== 0)("the embedded database in a checkout under a 0700 folder, run as root", () => {
  const home = mkdtempSync(path.join(os.tmpdir(), "recall-home-"));
  const shared = mkdtempSync(path.join(os.tmpdir(), "recall-shared-"));
  chmodSync(shared, 0o755);
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(shared, { recursive: true, force: true });
  });

  it("starts, migrates and keeps its data across a restart; a deleted data folder starts afresh", async () => {
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const dataDir = path.join(home, "alliance-recall", ".data", "postgres");

    const first = await startEmbeddedPostgres({ dataDir, sharedDir: shared });
    try {
      await ensureDatabase(first.urlFor("postgres"), "app");
      await applyMigrations(first.urlFor("app"));
      expect(await migrationsApplied(first.urlFor("app"))).toBeGreaterThan(0);
    } finally {
      await first.stop();
    }
    // The cluster lives where the postgres user can reach it; the project's data folder points at it.
    expect(lstatSync(path.join(dataDir, "cluster")).isSymbolicLink()).toBe(true);

    const again = await startEmbeddedPostgres({ dataDir, sharedDir: shared });
    try {
      expect(await migrationsApplied(again.urlFor("app"))).toBeGreaterThan(0);
    } finally {
      await again.stop();
    }

    // Deleting .data to start over gives a new cluster for the new password, not the old one's.
    rmSync(dataDir, { recursive: true, force: true });
    const fresh = await startEmbeddedPostgres({ dataDir, sharedDir: shared });
    try {
      const client = new pg.Client({ connectionString: fresh.urlFor("postgres") });
      await client.connect();
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = 'app'");
      await client.end();
      expect(found.rowCount).toBe(0);
    } finally {
      await fresh.stop();
    }
  }, 300_000);

  it("stops with one line saying what to do when even the shared folder is out of the postgres user's reach", async () => {
    const dataDir = path.join(home, "other-checkout", ".data", "postgres");
    const unreachable = path.join(home, "shared-inside-0700");
    const started = startEmbeddedPostgres({ dataDir, sharedDir: unreachable });
    await expect(started).rejects.toThrow(
      /^The "postgres" user PostgreSQL runs as cannot run .*initdb\. Set EMBEDDED_POSTGRES_SHARED_DIR to a folder .*, or set DATABASE_URL\.$/,
    );
    await expect(started.catch((error: Error) => error.message.includes("\n"))).resolves.toBe(false);
  }, 120_000);
});
