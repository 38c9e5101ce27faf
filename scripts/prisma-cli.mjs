// Runs the Prisma CLI. Prisma 6.19 reads the schema's env("DATABASE_URL") even for `generate`, and
// falls back to downloading a native engine when it cannot, so offline commands get a placeholder URL.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:1/placeholder";
const result = spawnSync("prisma", process.argv.slice(2), { stdio: "inherit", env, shell: false });
process.exit(result.status ?? 1);
