import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./database-url";

export type Db = PrismaClient;

// On globalThis like the client itself: Next.js bundles this module once per layer (pages, route handlers).
const globalForDb = globalThis as unknown as { db?: Db; dbPools?: WeakMap<Db, pg.Pool> };
const pools = (globalForDb.dbPools ??= new WeakMap<Db, pg.Pool>());

/** Opens a Prisma client on PostgreSQL through the pg driver adapter, on a pool lib/db/sql.ts can use too. */
export function createDb(connectionString: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection the server closed (a restart, an outage) is dropped by the pool; the next query reconnects.
  pool.on("error", () => undefined);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db: Db = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  pools.set(db, pool);
  return db;
}

/** The connection pool under a client made by createDb, for plain SQL (lib/db/sql.ts) on the same connections. */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("This Prisma client was not made by createDb.");
  return pool;
}

/** The process-wide client; reused across Next.js hot reloads. */
export function getDb(): Db {
  globalForDb.db ??= createDb(databaseUrl());
  return globalForDb.db;
}
