import { defineConfig } from "prisma/config";
// Prisma 6.19's JS schema engine cannot read PostgreSQL catalogs through adapter-pg 6.19
// ("Column type 'name' could not be deserialized"); the 7.x adapter can, so the CLI uses it.
import { PrismaPg } from "@prisma/adapter-pg-migrate";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: run prisma through `npm run db:*` scripts");
    return new PrismaPg({ connectionString });
  },
});
