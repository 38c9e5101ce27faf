import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { JWT } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/db/availability";
import { createDb, poolOf, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { withOutage } from "@/lib/http/outage";
import { createTestDb } from "../support/test-db";

/** Issue #17, finding 6: a database that is down or read-only is told apart from every other failure. */

const db = await createTestDb();
const down = createDb("postgres://nobody:nothing@127.0.0.1:1/none", 1);
// A stopped embedded server reached through its Unix socket: the socket file is gone.
const socketGone = createDb(`postgres://nobody:nothing@127.0.0.1:1/none?host=${encodeURIComponent(mkdtempSync(path.join(os.tmpdir(), "no-server-")))}`, 1);
const readOnlyUrl = new URL(inject("adminDatabaseUrl"));
readOnlyUrl.searchParams.set("options", "-c default_transaction_read_only=on");
const readOnly = createDb(readOnlyUrl.toString(), 1);

const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: unknown) => error,
  );
const globalDb = globalThis as unknown as { db?: Db };
const appDb = globalDb.db;
afterEach(() => {
  globalDb.db = appDb;
});

describe("database outages", () => {
  it("knows an unreachable server and a read-only one, and nothing else, as an outage", async () => {
    expect(isDatabaseUnavailable(await failureOf(down.user.findFirst()))).toBe(true);
    expect(isDatabaseUnavailable(await failureOf(down.$queryRaw`SELECT 1`))).toBe(true);
    expect(isDatabaseUnavailable(await failureOf(socketGone.user.findFirst()))).toBe(true);
    expect(isDatabaseUnavailable(await failureOf(poolOf(socketGone).query("SELECT 1")))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("ENOENT: no such file or directory, open 'seeds/x.json'"), { code: "ENOENT" }))).toBe(false);
    // What pg throws when the server closed a pooled Unix-socket connection under it.
    expect(isDatabaseUnavailable(Object.assign(new Error("write EPIPE"), { code: "EPIPE", syscall: "write" }))).toBe(true);
    // The same met by a Prisma query as PostgreSQL stops (seen in tests/e2e/database-outage.test.ts): Prisma's own error, no syscall.
    const prismaEpipe = new Prisma.PrismaClientKnownRequestError("\nInvalid `prisma.deck.findFirst()` invocation:\n\n\nwrite EPIPE", {
      code: "EPIPE",
      clientVersion: Prisma.prismaVersion.client,
      meta: { modelName: "Deck" },
    });
    expect(isDatabaseUnavailable(prismaEpipe)).toBe(true);
    expect(isDatabaseUnavailable(await failureOf(readOnly.$executeRawUnsafe("CREATE TABLE read_only_probe (x int)")))).toBe(true);
    await db.user.create({ data: { email: "taken@example.org", name: "T" } });
    expect(isDatabaseUnavailable(await failureOf(db.user.create({ data: { email: "taken@example.org", name: "T" } })))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
  });

  it("answers a route that meets an outage with 503, Retry-After and the outage message", async () => {
    const route = withOutage(async () => {
      await down.user.findFirst();
      return new Response("unreachable");
    });
    const response = await route();
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({
      ok: false,
      code: "unavailable",
      message: "Alliance Recall is temporarily unavailable; your reviews are safe on this device.",
    });
    await expect(withOutage(async () => Promise.reject(new Error("a bug")))()).rejects.toThrow("a bug");
  });

  it("keeps a session through an outage instead of ending it, and checks it again once the database is back", async () => {
    const user = await db.user.create({ data: { email: "kept@example.org", name: "Kept" }, select: { id: true, sessionVersion: true } });
    const token: JWT = { sub: user.id, sessionVersion: user.sessionVersion, role: "STUDENT", name: "Kept" };
    const jwt = authOptions.callbacks!.jwt!;
    globalDb.db = down;
    const during = await jwt({ token, trigger: "update" } as Parameters<typeof jwt>[0]);
    expect(during).toMatchObject({ sub: user.id, databaseUnavailable: true });
    expect(during).not.toHaveProperty("revoked");
    const sessionOf = authOptions.callbacks!.session!;
    const session = await sessionOf({ session: { expires: "later" }, token: during } as Parameters<typeof sessionOf>[0]);
    expect(session).toMatchObject({ user: { id: user.id }, databaseUnavailable: true });
    globalDb.db = db;
    const after = await jwt({ token: during, trigger: "update" } as Parameters<typeof jwt>[0]);
    expect(after).toMatchObject({ sub: user.id, name: "Kept" });
    expect(after).not.toHaveProperty("databaseUnavailable");
    expect(new DatabaseUnavailableError().digest).toBe("DATABASE_UNAVAILABLE");
  });
});
