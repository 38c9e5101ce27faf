import { defineConfig } from "prisma/config";
// Prisma 6.19's JS schema engine cannot read PostgreSQL catalogs through adapter-pg 6.19
// ("Column type 'name' could not be deserialized"); the 7.x adapter can, so the CLI uses it.
import { PrismaPg } from "@prisma/adapter-pg-migrate";
import { randomUUID } from "node:crypto";
import pg from "pg";

/** Split into fields: the adapter derives its throwaway shadow database by swapping `database`. */
function poolConfig(connectionString: string) {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

type PoolConfig = ReturnType<typeof poolConfig>;

async function runAdminStatement(config: PoolConfig, sql: string) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The stock adapter drops its shadow database while its own pool still holds a connection, so the
 * drop fails; this one closes the pool first and drops with FORCE.
 */
class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly poolSettings: PoolConfig) {
    super(poolSettings);
  }

  override async connectToShadowDb() {
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await runAdminStatement(this.poolSettings, `CREATE DATABASE "${database}"`);
    const adapter = await new PrismaPg({ ...this.poolSettings, database }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await runAdminStatement(this.poolSettings, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: run prisma through the `npm run db:*` scripts");
    return new MigrationAdapterFactory(poolConfig(connectionString));
  },
});
