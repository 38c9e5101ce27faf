import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startRoundRobinProxy } from "../../scripts/support/round-robin-proxy";
import { publicCardIds } from "../../scripts/support/review-load";
import { freePort, startAppServer } from "../../scripts/support/stack";
import { Client, createAccount, openDb } from "./support/attacker";
import { uniqueEmail } from "./support/browser";
import { findCardStatesDisagreeingWithLog } from "./support/card-state-audit";

/**
 * Issue #17, item 8: two app processes behind a round-robin proxy on one PostgreSQL. The shared e2e server is one
 * process; this file starts a second on the same build and database (trusting one proxy hop like the first, so
 * the test clients' X-Forwarded-For keeps their sign-in budgets apart) and puts a proxy in front that sends each
 * request to the next process in turn. Whatever one process counted, revoked or stored, the other must know.
 */

const db = openDb();
const hops = process.env.TRUSTED_PROXY_HOPS;
process.env.TRUSTED_PROXY_HOPS = "1";
const second = await startAppServer({
  port: await freePort(),
  host: "127.0.0.1",
  dev: false,
  databaseUrl: inject("databaseUrl"),
  nextAuthSecret: inject("nextAuthSecret"),
});
if (hops === undefined) delete process.env.TRUSTED_PROXY_HOPS;
else process.env.TRUSTED_PROXY_HOPS = hops;
const proxy = await startRoundRobinProxy([inject("baseUrl"), second.url]);
afterAll(async () => {
  await proxy.close();
  await second.stop();
});

const viaProxy = () => new Client(undefined, proxy.url);
const upstreamOf = (response: Response) => response.headers.get("x-upstream");

async function signedInViaProxy() {
  const account = await createAccount(db, "STUDENT", "scale-out");
  const client = viaProxy();
  expect(await client.signIn(account.email)).toBe(200);
  expect(client.sessionCookie).toBeDefined();
  return { account, client };
}

describe("two app processes behind a round-robin proxy", () => {
  it("count one account's sign-in attempts together: the 11th is refused whichever process gets it", async () => {
    const client = viaProxy();
    const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const email = uniqueEmail("scale-out-guess");
    const answers: { status: number; upstream: string | null }[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const response = await client.fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email, password: `wrong guess ${attempt}`, json: "true" }),
      });
      answers.push({ status: response.status, upstream: upstreamOf(response) });
    }
    expect(new Set(answers.map((answer) => answer.upstream))).toEqual(new Set(["0", "1"]));
    expect(answers.slice(0, 10).filter((answer) => answer.status === 429)).toEqual([]);
    expect(answers[10]!.status).toBe(429);
  });

  it("end a session on both when it is signed out on one", async () => {
    const { client } = await signedInViaProxy();
    const token = client.sessionCookie!;
    const withOldCookie = () =>
      fetch(`${proxy.url}/api/study/queue`, { headers: { cookie: `next-auth.session-token=${token}`, "x-forwarded-for": client.ip } });
    const before = [await withOldCookie(), await withOldCookie()];
    expect(before.map((response) => response.status)).toEqual([200, 200]);
    expect(new Set(before.map(upstreamOf))).toEqual(new Set(["0", "1"]));

    const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await client.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    const after = [await withOldCookie(), await withOldCookie()];
    expect(after.map((response) => response.status)).toEqual([401, 401]);
    expect(new Set(after.map(upstreamOf))).toEqual(new Set(["0", "1"]));
  });

  it("store a review id once when both processes get it at the same moment, and refuse it with another body on either", async () => {
    const { account, client } = await signedInViaProxy();
    const [cardId] = await publicCardIds(inject("databaseUrl"), 1);
    const review = { reviewId: randomUUID(), cardId, rating: 3, durationMs: 4000, expectedLastReview: null };
    const twice = await Promise.all([client.post("/api/reviews", review), client.post("/api/reviews", review)]);
    expect(new Set(twice.map(upstreamOf))).toEqual(new Set(["0", "1"]));
    expect(twice.map((response) => response.status)).toEqual([200, 200]);
    const [first, again] = await Promise.all(twice.map((response) => response.json()));
    expect(again).toEqual(first);
    const changed = [await client.post("/api/reviews", { ...review, rating: 1 }), await client.post("/api/reviews", { ...review, rating: 1 })];
    expect(changed.map((response) => response.status)).toEqual([409, 409]);
    expect(await db.reviewLog.count({ where: { userId: account.id } })).toBe(1);
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: review.reviewId } })).rating).toBe(3);
  });

  it("replay one learner's sync batches sent to both at once, retries included, into the state its log gives", async () => {
    const { account, client } = await signedInViaProxy();
    const cardIds = await publicCardIds(inject("databaseUrl"), 3);
    // 24 reviews over three cards, spread between the cards' making and now, one batch each, all sent at once;
    // then every batch again, as a phone that never heard back would.
    const made = await db.card.findMany({ where: { id: { in: cardIds } }, select: { createdAt: true } });
    const start = Math.max(...made.map((card) => card.createdAt.getTime())) + 1000;
    const step = (Date.now() - start) / 25;
    const batches = Array.from({ length: 24 }, (_, index) => ({
      learnerId: account.id,
      reviews: [
        {
          reviewId: randomUUID(),
          cardId: cardIds[index % 3]!,
          rating: (index % 4) + 1,
          reviewedAt: new Date(start + index * step).toISOString(),
          durationMs: 3000,
        },
      ],
    }));
    const sent = await Promise.all(batches.map((batch) => client.post("/api/reviews/sync", batch)));
    const resent = await Promise.all(batches.map((batch) => client.post("/api/reviews/sync", batch)));
    expect([...sent, ...resent].filter((response) => response.status !== 200).map((response) => response.status)).toEqual([]);
    expect(new Set(sent.map(upstreamOf))).toEqual(new Set(["0", "1"]));
    expect(await db.reviewLog.count({ where: { userId: account.id } })).toBe(24);
    const audit = await findCardStatesDisagreeingWithLog(inject("databaseUrl"), [account.id]);
    expect(audit).toEqual({ checked: 3, disagreeing: [] });
    expect(proxy.served.every((count) => count > 0)).toBe(true);
  });
});
