import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createReadinessProbe } from "@/lib/db/readiness-probe";
import { startTcpLink } from "../support/tcp-link";

/**
 * The question `proxy.ts` asks before every page: is the database down? Asked of the real embedded PostgreSQL, here
 * through a link this test can freeze, as a network that drops packets (or a server too busy to answer) would.
 */

const timings = { freshMs: 0, waitMs: 200, silentMs: 1_500 };

/** A link to PostgreSQL (its TCP port, or its Unix socket when the URL names one) and the URL that goes through it. */
async function linkToDatabase(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const socketDir = target.searchParams.get("host");
  const link = await startTcpLink(() =>
    socketDir ? net.connect({ path: path.join(socketDir, `.s.PGSQL.${target.port}`) }) : net.connect(Number(target.port), target.hostname),
  );
  const url = new URL(databaseUrl);
  url.searchParams.delete("host");
  url.hostname = "127.0.0.1";
  url.port = String(link.port);
  return { link, url: url.toString() };
}

const { link, url: linkedUrl } = await linkToDatabase(inject("adminDatabaseUrl"));
afterAll(() => link.close());

describe("the readiness probe in front of pages", () => {
  it("finds a working database up, and a refused connection down at once", async () => {
    const probe = createReadinessProbe(inject("adminDatabaseUrl"), timings);
    await expect(probe.readiness()).resolves.toBe("up");
    await probe.close();

    const refused = createReadinessProbe("postgres://nobody:nothing@127.0.0.1:1/none", timings);
    const asked = Date.now();
    await expect(refused.readiness()).resolves.toBe("down");
    expect(Date.now() - asked).toBeLessThan(timings.silentMs);
    await refused.close();
  });

  it("a database that is slow to answer is not down: pages go on with the last answer until it has been silent too long", async () => {
    const probe = createReadinessProbe(linkedUrl, timings);
    await expect(probe.readiness()).resolves.toBe("up");

    link.freeze();
    const frozenAt = Date.now();
    // The connection is open but nothing comes back: the page waits waitMs, then goes on with "up".
    await expect(probe.readiness()).resolves.toBe("up");
    expect(Date.now() - frozenAt).toBeLessThan(timings.silentMs);

    // Silent for longer than silentMs: down, though nothing refused the connection.
    await sleep(timings.silentMs + 100 - (Date.now() - frozenAt));
    await expect(probe.readiness()).resolves.toBe("down");
    // Still nothing: the next question (on a new connection, which the frozen link holds too) stays down.
    await expect(probe.readiness()).resolves.toBe("down");

    link.thaw();
    await expect.poll(() => probe.readiness(), { timeout: 10_000, interval: 100 }).toBe("up");
    await probe.close();
  });

  it("asks once however many pages arrive in the same moment, and not again while the answer is fresh", async () => {
    const probe = createReadinessProbe(linkedUrl, { ...timings, freshMs: 60_000 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => probe.readiness()));
    expect(new Set(answers)).toEqual(new Set(["up"]));
    const sent = link.bytesSent();
    for (let page = 0; page < 20; page++) await expect(probe.readiness()).resolves.toBe("up");
    expect(link.bytesSent()).toBe(sent);
    await probe.close();
  });
});
