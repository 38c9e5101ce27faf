import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, inject } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createDb, type Db } from "@/lib/db/client";
import { uniqueEmail } from "./browser";

/**
 * Plain-fetch clients for the security tests: they talk to the production server the way a script would,
 * with no browser to enforce anything on their behalf.
 */

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const PASSWORD = "correct horse battery staple";

/** A database client on the e2e server's database, for arranging rows and checking that none changed. */
export function openDb(): Db {
  const db = createDb(inject("databaseUrl"), 2);
  afterAll(() => db.$disconnect());
  return db;
}

// Each test file starts at its own random place in 10.0.0.0/8. The process id did not do: Chromium starts dozens
// of processes per file, so two files' ids often agreed modulo 250 and spent each other's sign-in budgets.
let ipCounter = randomInt(2 ** 24);
/**
 * A private address per caller: the server counts sign-ins per client address, and the other e2e files sign
 * in from loopback, so these tests keep to their own budget.
 */
export function testIp(): string {
  ipCounter = (ipCounter + 1) % 2 ** 24;
  return `10.${ipCounter >> 16}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export type Account = { id: string; email: string; role: "STUDENT" | "TEACHER" };

/** An account with a known password, created the way sign-up stores one. */
export async function createAccount(db: Db, role: "STUDENT" | "TEACHER", prefix = role.toLowerCase()): Promise<Account> {
  const email = uniqueEmail(prefix);
  const user = await db.user.create({ data: { email, name: prefix, role, passwordHash: await hashPassword(PASSWORD) }, select: { id: true } });
  return { id: user.id, email, role };
}

/** A cookie jar that sends back what the server set, like a browser without its same-site rules. */
export class Client {
  readonly cookies = new Map<string, string>();
  /** `baseUrl`: the shared e2e server unless another (a second process, a proxy in front of both) is named. */
  constructor(
    readonly ip: string = testIp(),
    readonly baseUrl: string = inject("baseUrl"),
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get("next-auth.session-token");
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0 && !headers.has("cookie")) headers.set("cookie", this.cookieHeader);
    if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", this.ip);
    const response = await fetch(new URL(pathname, this.baseUrl), { redirect: "manual", ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Sends JSON (or a raw string) with POST. */
  post(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(pathname, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  /** The credentials sign-in next-auth's own client performs; returns the final HTTP status. */
  async signIn(email: string, password = PASSWORD): Promise<number> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }),
    });
    return response.status;
  }
}

/** A client signed in as `account`. */
export async function signedIn(account: Account): Promise<Client> {
  const client = new Client();
  await client.signIn(account.email);
  if (!client.sessionCookie) throw new Error(`sign-in failed for ${account.email}`);
  return client;
}

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
export type ServerAction = { id: string; name: string; file: string; page: string };

/** Every server action in the production build, with a page that serves it (dynamic segments filled in). */
export function listServerActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    const page = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[[^\]]+\]/g, "placeholder-id");
    return { id, name: entry.exportedName, file: entry.filename, page: page || "/" };
  });
}

/** The action with this exported name. */
export function serverAction(name: string): ServerAction {
  const found = listServerActions().find((action) => action.name === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found;
}

/**
 * Calls a server action the way React's client does (Next-Action header, arguments as a JSON array) and
 * returns the status and the action's result, or the raw body when there is no result row.
 */
export async function callAction(client: Client, action: ServerAction, args: unknown[] | string): Promise<{ status: number; result: unknown; body: string }> {
  const response = await client.fetch(action.page, {
    method: "POST",
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: inject("baseUrl"),
    },
    body: typeof args === "string" ? args : JSON.stringify(args),
  });
  const body = await response.text();
  const row = body.split("\n").find((line) => line.startsWith("1:"));
  let result: unknown = undefined;
  if (row) {
    try {
      result = JSON.parse(row.slice(2));
    } catch {
      result = undefined;
    }
  }
  return { status: response.status, result, body };
}

/**
 * A fingerprint of every application table (row count and a hash of the rows), to prove that a refused request
 * wrote nothing. Throttle counters are left out: counting a refused attempt is the point of them.
 */
async function snapshotRows(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '\_prisma%' AND tablename <> 'RateLimit'`;
  const snapshot: Record<string, string> = {};
  for (const { tablename } of tables) {
    const rows = await db.$queryRawUnsafe<{ n: bigint; digest: string | null }[]>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${tablename}" t`,
    );
    snapshot[tablename] = `${rows[0]?.n ?? 0}:${rows[0]?.digest ?? ""}`;
  }
  return snapshot;
}

/** Runs `attempt` and checks that it changed no table (see snapshotRows); returns what the attempt returned. */
export async function expectNoWrites<T>(db: Db, attempt: () => Promise<T>): Promise<T> {
  const before = await snapshotRows(db);
  const outcome = await attempt();
  expect(await snapshotRows(db)).toEqual(before);
  return outcome;
}
