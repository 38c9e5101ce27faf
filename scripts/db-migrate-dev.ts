import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { attachEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { EMBEDDED_DATA_DIR, ROOT } from "./support/paths";

const USAGE = "Usage: npm run db:migrate -- --name short_description";

const SNAPSHOT = "prisma/migrations/schema-snapshot.prisma";

/**
 * Authors a migration from schema.prisma changes by diffing two datamodels: the snapshot of the
 * schema the committed migrations produce, and the current schema. (Diffing against a live database
 * is not an option here: the JS schema engine cannot describe PostgreSQL 18 catalogs, failing on
 * the "char" column type.) The snapshot is then advanced. Apply with `npm run db:deploy`.
 */
async function main() {
  const { values } = parseArgs({ options: { name: { type: "string" } } });
  const name = values.name?.trim();
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error(`Give a migration name of lowercase letters, digits and underscores.\n${USAGE}`);

  const server = process.env.DATABASE_URL ? null : await attachEmbeddedPostgres(EMBEDDED_DATA_DIR);
  try {
    const diff = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules/prisma/build/index.js"),
        "migrate",
        "diff",
        "--from-schema-datamodel",
        SNAPSHOT,
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? server!.urlFor("postgres") } },
    );
    if (diff.status !== 0) throw new Error(`prisma migrate diff failed:\n${diff.stderr}`);
    const sql = diff.stdout.trim();
    if (!sql || sql.startsWith("-- This is an empty migration")) {
      console.log("The schema matches the migrations: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(ROOT, "prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
    copyFileSync(path.join(ROOT, "prisma/schema.prisma"), path.join(ROOT, SNAPSHOT));
    console.log(`Wrote ${path.relative(ROOT, dir)}/migration.sql. Review it, then run npm run db:deploy.`);
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
