import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./database-url";

export type Db = PrismaClient;

/** Opens a Prisma client on PostgreSQL through the pg driver adapter. */
export function createDb(connectionString: string, poolSize = 10): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolSize }),
    omit: { user: { passwordHash: true } },
  });
}

const globalForDb = globalThis as unknown as { db?: Db };

/** The process-wide client; reused across Next.js hot reloads. */
export function getDb(): Db {
  globalForDb.db ??= createDb(databaseUrl());
  return globalForDb.db;
}
