import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { createDb } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { loadNatoDecks, ensureDemoAccounts } from "../../seeds/load";
import { isBuildStale } from "./build-freshness";
import { readOrCreateLocalSecrets } from "./local-secrets";
import { APP_DATABASE, ROOT } from "./paths";

export { ROOT };

const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
// Production runs through scripts/serve.mjs, which decides which forwarding headers to believe (TRUSTED_PROXY_HOPS).
const SERVE_SCRIPT = path.join(ROOT, "scripts", "serve.mjs");
/**
 * V8's young generation at 32 MB a semi-space instead of Node 20's 16: every grade allocates its request, JSON and
 * FSRS objects, and fewer scavenges cost the server less CPU a grade: 0.64 → 0.59 and 0.56 → 0.53 ms (medians of
 * five and six alternating rounds of 50 reviewers on one database; 64 MB gave 0.77 → 0.60 in another six); p95
 * fell in two of those three comparisons (79 → 62, 84 → 69 ms) and held in the third (61 → 61). 128 MB did no better.
 */
const SERVER_NODE_ARGS = ["--max-semi-space-size=32"];

export type StackOptions = {
  port: number;
  host: string;
  dataDir: string;
  dev: boolean;
  log: (line: string) => void;
  /** Node flags for the production server besides SERVER_NODE_ARGS (the benchmarks' --cpu-prof). */
  nodeArgs?: string[];
};
export type Stack = { url: string; databaseUrl: string; demo: { email: string; password: string } | null; stop(): Promise<void>; app: ChildProcess };

/** Builds the production app when sources changed since the last build. */
export function buildIfStale(log: (line: string) => void): void {
  if (!isBuildStale(ROOT)) return;
  log("Building the production app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`The app exited with code ${child.exitCode}`));
      fetch(url, { redirect: "manual" })
        .then(() => resolve())
        .catch(() => (Date.now() > deadline ? reject(new Error(`No answer from ${url}`)) : setTimeout(attempt, 250)));
    };
    attempt();
  });
}

/**
 * Database (embedded unless DATABASE_URL is set), migrations, NATO decks, build, then the Next.js server.
 * `npm start`, the end-to-end tests and the benchmarks all start the app through this one path.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const secrets = readOrCreateLocalSecrets(options.dataDir);
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    options.log("Starting the embedded PostgreSQL server…");
    embedded = await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, "postgres") });
    await ensureDatabase(embedded.urlFor("postgres"), APP_DATABASE);
    databaseUrl = embedded.urlFor(APP_DATABASE);
  }
  options.log("Applying migrations…");
  await applyMigrations(databaseUrl);

  const db = createDb(databaseUrl, 2);
  let demo: Stack["demo"] = null;
  try {
    const loaded = await loadNatoDecks(db);
    options.log(`NATO decks ready: ${loaded.decks} decks, ${loaded.cards} cards (${loaded.created} new).`);
    // Demo accounts only on the embedded database: a production database never gets a known password.
    if (embedded) demo = await ensureDemoAccounts(db, secrets.demoPassword);
  } finally {
    await db.$disconnect();
  }

  if (!options.dev) buildIfStale(options.log);
  const server = await startAppServer({ ...options, databaseUrl, nextAuthSecret: process.env.NEXTAUTH_SECRET ?? secrets.nextAuthSecret }).catch(
    async (error: unknown) => {
      await embedded?.stop();
      throw error;
    },
  );
  const { url, app } = server;
  const stop = async () => {
    await server.stop();
    await embedded?.stop();
  };
  return { url, databaseUrl, demo, stop, app };
}

export type AppServer = { url: string; app: ChildProcess; stop(): Promise<void> };

/**
 * One app process (the production server, or `next dev`) on a database that is ready, answering once /api/health
 * does. A second one on the same database is a scaled-out app: they share nothing but PostgreSQL.
 */
export async function startAppServer(options: {
  port: number;
  host: string;
  dev: boolean;
  databaseUrl: string;
  nextAuthSecret: string;
  nodeArgs?: string[];
}): Promise<AppServer> {
  const url = `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${options.port}`;
  const command = options.dev
    ? [NEXT_BIN, "dev", "-p", String(options.port), "-H", options.host]
    : [...SERVER_NODE_ARGS, ...(options.nodeArgs ?? []), SERVE_SCRIPT];
  const app = spawn(process.execPath, command, {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.nextAuthSecret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      HOST: options.host,
    },
  });
  const stop = async () => {
    if (app.exitCode === null) {
      const exited = new Promise((r) => app.once("exit", r));
      app.kill("SIGTERM");
      await exited;
    }
  };
  try {
    await waitForHttp(`${url}/api/health`, app, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, app, stop };
}

/** A port nothing listens on right now, for a server started next. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
