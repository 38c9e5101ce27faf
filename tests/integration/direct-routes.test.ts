import { randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner } from "../support/study-fixtures";
import { parseCookieHeader } from "@/lib/auth/session-token";
import { serveDirectRoute } from "@/lib/http/direct-routes";
import { MAX_BODY_BYTES } from "@/lib/http/json-endpoint";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/security-headers";
import { capBody } from "@/scripts/support/body-caps.mjs";
import { POST as postReviewRoute } from "@/app/api/reviews/route";
import { POST as postSyncRoute } from "@/app/api/reviews/sync/route";
import { GET as getQueueRoute } from "@/app/api/study/queue/route";

/*
 * The grade and queue routes as scripts/serve.mjs answers them without Next.js (lib/http/direct-routes.ts), on loopback with
 * the server's body caps in front, a real session cookie and this file's database; beside them the route handlers
 * `next dev` serves, given the same request. Requests that are not direct routes must reach "Next.js", a stand-in
 * here that answers 299.
 */

const cookieJar = vi.hoisted(() => ({ header: undefined as string | undefined }));
// The route handlers read cookies through Next.js's request scope, which only Next.js sets up; this is that scope.
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => parseCookieHeader(cookieJar.header) }) }));

process.env.NEXTAUTH_SECRET = "direct-routes-test-secret";
const db = await createTestDb();
(globalThis as unknown as { db: typeof db }).db = db;

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((request, response) => {
    void capBody(request, response).then((capped) => {
      if (capped && !serveDirectRoute(capped, response)) response.writeHead(299).end("next.js");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { status: number; body: unknown; headers: Headers };

async function sendDirect(path: string, options: { cookie?: string; body?: string; method?: string } = {}): Promise<Answer> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: options.method ?? "POST",
    headers: { "content-type": "application/json", ...(options.cookie ? { cookie: options.cookie } : {}) },
    body: options.body,
  });
  const text = await response.text();
  return { status: response.status, body: text && response.status !== 299 ? JSON.parse(text) : text, headers: response.headers };
}

const ROUTE_HANDLERS = { "/api/reviews": postReviewRoute, "/api/reviews/sync": postSyncRoute, "/api/study/queue": getQueueRoute };
type HandledPath = keyof typeof ROUTE_HANDLERS;

async function sendToRouteHandler(path: string, options: { cookie?: string; body?: string; method?: string }): Promise<Answer> {
  cookieJar.header = options.cookie;
  const handler = ROUTE_HANDLERS[new URL(path, "http://localhost").pathname as HandledPath];
  const response = await handler(new Request(`http://localhost${path}`, { method: options.method ?? "POST", body: options.body }));
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** The raw answer, not decompressed, to see what went over the wire. */
function sendRaw(path: string, headers: Record<string, string>): Promise<{ headers: Record<string, unknown>; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, path, headers }, (response) => {
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => resolve({ headers: response.headers, bytes: Buffer.concat(parts) }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

async function signedInLearner(cards = 2) {
  const learner = await createLearner(db);
  const deck = await createDeck(db, learner.id, { count: cards });
  const token = await encode({ secret: process.env.NEXTAUTH_SECRET!, token: { sub: learner.id, name: "Learner", role: "STUDENT", sessionVersion: 0 } });
  return { userId: learner.id, cardId: deck.cardIds[0]!, cookie: `next-auth.session-token=${token}` };
}

const grade = (cardId: string, rating = 3) => ({ reviewId: randomUUID(), cardId, rating, durationMs: 4_000, expectedLastReview: null });

describe("the grade routes served without Next.js", () => {
  it("record a grade once, replay it for the same review id, and refuse the same id with another rating (409)", async () => {
    const { userId, cardId, cookie } = await signedInLearner();
    const sent = grade(cardId);
    const first = await sendDirect("/api/reviews", { cookie, body: JSON.stringify(sent) });
    expect(first).toMatchObject({ status: 200, body: { ok: true, reviewId: sent.reviewId, cardId } });
    expect(await sendDirect("/api/reviews", { cookie, body: JSON.stringify(sent) })).toMatchObject({ status: 200, body: first.body });
    expect(await sendDirect("/api/reviews", { cookie, body: JSON.stringify({ ...sent, rating: 1 }) })).toMatchObject({
      status: 409,
      body: { code: "conflict" },
    });
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);
  });

  it("sync a batch made on a device", async () => {
    const { userId, cardId, cookie } = await signedInLearner();
    const review = { ...grade(cardId), reviewedAt: new Date().toISOString() };
    const batch = JSON.stringify({ reviews: [review], sentAt: new Date().toISOString() });
    expect(await sendDirect("/api/reviews/sync", { cookie, body: batch })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await db.reviewLog.findMany({ where: { userId }, select: { id: true } })).toEqual([{ id: review.reviewId }]);
  });

  it("answer exactly as the route handlers do, refusals included", async () => {
    const { cardId, cookie } = await signedInLearner();
    const stranger = await createLearner(db);
    const strangersDeck = await createDeck(db, stranger.id, { count: 1 });
    const accepted = JSON.stringify(grade(cardId));
    const requests: { path: string; cookie?: string; body?: string; method?: string }[] = [
      { path: "/api/reviews", cookie, body: accepted },
      { path: "/api/reviews", body: accepted },
      { path: "/api/reviews", cookie: "next-auth.session-token=forged", body: accepted },
      { path: "/api/reviews", cookie, body: "{not json" },
      { path: "/api/reviews", cookie, body: JSON.stringify(grade(cardId, 7)) },
      { path: "/api/reviews/sync", cookie, body: JSON.stringify({ reviews: [] }) },
      { path: "/api/reviews", cookie, body: JSON.stringify({ ...grade(cardId), note: "x".repeat(MAX_BODY_BYTES) }) },
      { path: "/api/study/queue", cookie, method: "GET" },
      { path: "/api/study/queue", method: "GET" },
      { path: "/api/study/queue?deck=not%20an%20id", cookie, method: "GET" },
      { path: `/api/study/queue?deck=${strangersDeck.id}`, cookie, method: "GET" },
    ];
    for (const request of requests) {
      const byHandler = await sendToRouteHandler(request.path, request);
      const direct = await sendDirect(request.path, request);
      expect({ path: request.path, status: direct.status, body: direct.body }).toEqual({ path: request.path, status: byHandler.status, body: byHandler.body });
      expect(direct.headers.get("cache-control")).toBe(byHandler.headers.get("cache-control"));
    }
  });

  it("end a session that was signed out elsewhere: a token from before the password change gets 401 and saves nothing", async () => {
    const { userId, cardId, cookie } = await signedInLearner();
    await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    const review = { ...grade(cardId), reviewedAt: new Date().toISOString() };
    // The grades confirm the session with the learner's lock; whatever the body, an ended session learns only 401.
    const requests = [
      { path: "/api/reviews", cookie, body: JSON.stringify(review) },
      { path: "/api/reviews/sync", cookie, body: JSON.stringify({ reviews: [review] }) },
      { path: "/api/reviews", cookie, body: JSON.stringify(grade(cardId, 7)) },
      { path: "/api/reviews/sync", cookie, body: "{not json" },
      { path: "/api/reviews/sync", cookie, body: JSON.stringify({ learnerId: "someone else", reviews: [review] }) },
    ];
    for (const request of requests) {
      const unauthenticated = { path: request.path, status: 401, body: { ok: false, code: "unauthenticated", message: "Sign in first." } };
      const direct = await sendDirect(request.path, request);
      expect({ path: request.path, status: direct.status, body: direct.body }).toEqual(unauthenticated);
      const byHandler = await sendToRouteHandler(request.path, request);
      expect({ path: request.path, status: byHandler.status, body: byHandler.body }).toEqual(unauthenticated);
    }
    expect(await db.reviewLog.count({ where: { userId } })).toBe(0);
    expect(await db.cardState.count({ where: { userId } })).toBe(0);
  });

  it("answer 401 for a token whose account was deleted, and save nothing", async () => {
    const { userId, cardId, cookie } = await signedInLearner();
    await db.user.delete({ where: { id: userId } });
    const review = { ...grade(cardId), reviewedAt: new Date().toISOString() };
    expect(await sendDirect("/api/reviews/sync", { cookie, body: JSON.stringify({ reviews: [review] }) })).toMatchObject({ status: 401 });
    expect(await sendDirect("/api/reviews", { cookie, body: JSON.stringify(review) })).toMatchObject({ status: 401 });
    expect(await db.reviewLog.count({ where: { id: review.reviewId } })).toBe(0);
  });

  it("send the headers every API answer has: the API's CSP, nosniff, no framing, no caching, no gzip", async () => {
    const { headers } = await sendDirect("/api/reviews", { body: "{}" });
    expect(headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("cache-control")).toBe("no-store, no-transform");
    expect(headers.get("content-type")).toBe("application/json");
  });

  it("refuse a body over 64 KB with 413 whether its length is declared or not", async () => {
    const { cookie } = await signedInLearner();
    const tooLarge = "x".repeat(MAX_BODY_BYTES + 1);
    expect(await sendDirect("/api/reviews", { cookie, body: tooLarge })).toMatchObject({ status: 413, body: { message: "The request is too large." } });
    const chunked = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest({ host: "127.0.0.1", port, path: "/api/reviews/sync", method: "POST", headers: { cookie } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on("error", reject);
      outgoing.write(tooLarge.slice(0, 40_000));
      outgoing.end(tooLarge.slice(40_000));
    });
    expect(chunked).toBe(413);
  });

  it("gzip a queue for a client that takes gzip, and never the small answers", async () => {
    const { cookie } = await signedInLearner(20);
    const zipped = await sendRaw("/api/study/queue", { cookie, "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers).toMatchObject({ "content-encoding": "gzip", vary: "Accept-Encoding", "cache-control": "no-store" });
    const plain = await sendRaw("/api/study/queue", { cookie, "accept-encoding": "gzip;q=0, identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect((await sendRaw("/api/study/queue", { cookie, "accept-encoding": "gzip; q=0, *" })).headers["content-encoding"]).toBeUndefined();
    expect((await sendRaw("/api/study/queue", { cookie, "accept-encoding": "br;q=1, *;q=0.5" })).headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(zipped.bytes).toString())).toMatchObject({ ok: true, cards: expect.any(Array) });
    expect(JSON.parse(gunzipSync(zipped.bytes).toString()).cards).toEqual(JSON.parse(plain.bytes.toString()).cards);
    const refusal = await sendRaw("/api/study/queue?deck=x", { cookie, "accept-encoding": "gzip" });
    expect(refusal.headers["content-encoding"]).toBeUndefined();
  });

  it("shrug off a client that hangs up mid-body: nothing logged, and the next request is answered", async () => {
    const { cookie } = await signedInLearner();
    const logged = vi.spyOn(console, "error");
    await new Promise<void>((resolve) => {
      const outgoing = httpRequest({ host: "127.0.0.1", port, path: "/api/reviews/sync", method: "POST", headers: { cookie } });
      outgoing.on("error", () => resolve());
      outgoing.write('{"reviews": [');
      setTimeout(() => {
        outgoing.destroy();
        setTimeout(resolve, 200);
      }, 100);
    });
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
    expect((await sendDirect("/api/reviews/sync", { cookie, body: "{}" })).status).toBe(400);
  });

  it("leave every other method and path to Next.js, and match a path with a query string", async () => {
    expect((await sendDirect("/api/reviews", { method: "GET" })).status).toBe(299);
    expect((await sendDirect("/api/study/queue", { body: "{}" })).status).toBe(299);
    expect((await sendDirect("/api/reviews/undo", { body: "{}" })).status).toBe(299);
    expect((await sendDirect("/api/reviews/", { body: "{}" })).status).toBe(299);
    expect((await sendDirect("/api/reviews?from=phone", { body: "{}" })).status).toBe(401);
  });
});
