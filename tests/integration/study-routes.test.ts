import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner, snapshotStudy } from "../support/study-fixtures";
import { POST as postCardAction } from "@/app/api/cards/[cardId]/actions/route";
import { POST as postQuizAttempt } from "@/app/api/quiz/attempts/route";
import { POST as postReview } from "@/app/api/reviews/route";
import { POST as postSync } from "@/app/api/reviews/sync/route";
import { POST as postUndo } from "@/app/api/reviews/undo/route";
import { GET as getOfflinePack } from "@/app/api/study/offline/route";
import { GET as getQueue } from "@/app/api/study/queue/route";
import { MAX_SYNC_BATCH } from "@/lib/study/schema";

// The study endpoints as the app runs them, on this file's database, for whichever learner the test signs in.
// They parse their input (lib/study/schema.ts) before lib/study sees it; these are the answers a client gets.
const viewer = vi.hoisted(() => ({ current: null as { id: string } | null }));
// The grade routes confirm the token's claim with the learner's lock; fixtures' accounts are at session version 0.
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => viewer.current,
  getSessionClaim: async () => viewer.current && { userId: viewer.current.id, sessionVersion: 0, confirmed: false },
}));
const db = await createTestDb();
(globalThis as unknown as { db: typeof db }).db = db;

const post = (path: string, body: unknown) => new Request(`http://localhost${path}`, { method: "POST", body: JSON.stringify(body) });
const get = (path: string) => new NextRequest(`http://localhost${path}`);
const cardParams = (cardId: string) => ({ params: Promise.resolve({ cardId }) });

async function answer(response: Promise<Response>) {
  const settled = await response;
  return { status: settled.status, body: (await settled.json()) as unknown };
}

async function signedInLearner() {
  const learner = await createLearner(db);
  const deck = await createDeck(db, learner.id, { count: 2 });
  viewer.current = learner;
  return { userId: learner.id, deck, cardId: deck.cardIds[0]! };
}

const review = (cardId: string, extra: Record<string, unknown> = {}) => ({
  reviewId: randomUUID(),
  cardId,
  rating: 3,
  durationMs: 4_000,
  expectedLastReview: null,
  ...extra,
});

const invalid = (message: string, fieldErrors: Record<string, unknown>) => ({ ok: false, code: "invalid_input", message, fieldErrors });

describe("POST /api/reviews", () => {
  it("answers 400 with each refused field for a review that does not parse, and writes nothing", async () => {
    const { userId, cardId } = await signedInLearner();
    expect(await answer(postReview(post("/api/reviews", review(cardId, { rating: 0 }))))).toEqual({
      status: 400,
      body: invalid("Check the review and try again.", { rating: [expect.any(String)] }),
    });
    for (const bad of [
      review(cardId, { rating: 2.5 }),
      review(cardId, { reviewId: "not-a-uuid" }),
      review("bad id!"),
      review(cardId, { reviewedAt: "yesterday" }),
      null,
    ]) {
      expect(await answer(postReview(post("/api/reviews", bad)))).toMatchObject({
        status: 400,
        body: { code: "invalid_input", message: "Check the review and try again." },
      });
    }
    expect(await snapshotStudy(db, userId)).toEqual({ states: [], logs: [] });
  });

  it("records a review that parses, with its duration clamped to an hour", async () => {
    const { userId, cardId } = await signedInLearner();
    const sent = review(cardId, { durationMs: 5 * 3_600_000 });
    expect(await answer(postReview(post("/api/reviews", sent)))).toMatchObject({ status: 200, body: { ok: true, reviewId: sent.reviewId, cardId } });
    expect(await db.reviewLog.findMany({ where: { userId }, select: { id: true, durationMs: true } })).toEqual([{ id: sent.reviewId, durationMs: 3_600_000 }]);
  });

  it("asks for a session before it reads the body", async () => {
    viewer.current = null;
    expect(await answer(postReview(post("/api/reviews", null)))).toMatchObject({ status: 401, body: { code: "unauthenticated" } });
  });
});

describe("POST /api/reviews/sync", () => {
  it("answers 400 with an empty `rejected` for a batch that does not parse: none, or more than MAX_SYNC_BATCH", async () => {
    const { userId, cardId } = await signedInLearner();
    const synced = () => review(cardId, { reviewedAt: new Date().toISOString() });
    expect(await answer(postSync(post("/api/reviews/sync", { reviews: [] })))).toEqual({
      status: 400,
      body: { ...invalid("Check the reviews and try again.", { reviews: [expect.any(String)] }), rejected: [] },
    });
    const tooMany = { reviews: Array.from({ length: MAX_SYNC_BATCH + 1 }, synced) };
    expect(await answer(postSync(post("/api/reviews/sync", tooMany)))).toMatchObject({ status: 400, body: { code: "invalid_input", rejected: [] } });
    expect(await snapshotStudy(db, userId)).toEqual({ states: [], logs: [] });
  });
});

describe("POST /api/reviews/undo", () => {
  it("answers 400 for a step named wrongly or twice, and takes an empty or null body as the latest step", async () => {
    await signedInLearner();
    expect(await answer(postUndo(post("/api/reviews/undo", { reviewId: "nope" })))).toEqual({
      status: 400,
      body: invalid("Check the step to undo and try again.", { reviewId: [expect.any(String)] }),
    });
    const both = { reviewId: randomUUID(), actionId: "action-1" };
    expect(await answer(postUndo(post("/api/reviews/undo", both)))).toEqual({ status: 400, body: invalid("Check the step to undo and try again.", {}) });
    const nothing = { status: 404, body: { ok: false, code: "not_found", message: "There is nothing to undo." } };
    expect(await answer(postUndo(post("/api/reviews/undo", null)))).toEqual(nothing);
    expect(await answer(postUndo(new Request("http://localhost/api/reviews/undo", { method: "POST" })))).toEqual(nothing);
  });
});

describe("POST /api/quiz/attempts", () => {
  it("answers 400 for garbage answers and saves nothing", async () => {
    const { userId, deck } = await signedInLearner();
    const garbage = { attemptId: randomUUID(), deckId: deck.id, durationMs: -1, record: "yes", answers: "all" };
    expect(await answer(postQuizAttempt(post("/api/quiz/attempts", garbage)))).toEqual({
      status: 400,
      body: invalid("Check the quiz answers.", { durationMs: [expect.any(String)], record: [expect.any(String)], answers: [expect.any(String)] }),
    });
    expect(await db.quizAttempt.count({ where: { userId } })).toBe(0);
  });
});

describe("POST /api/cards/ID/actions", () => {
  it("answers 400 for an unknown action, then for a card id that is not an id", async () => {
    const { userId, cardId } = await signedInLearner();
    expect(await answer(postCardAction(post(`/api/cards/${cardId}/actions`, { action: "delete" }), cardParams(cardId)))).toEqual({
      status: 400,
      body: { ok: false, code: "invalid_input", message: "Choose bury, unbury, suspend, unsuspend or reset." },
    });
    expect(await answer(postCardAction(post("/api/cards/x/actions", { action: "bury" }), cardParams("bad id!")))).toEqual({
      status: 400,
      body: { ok: false, code: "invalid_input", message: "Unknown card or action." },
    });
    expect(await snapshotStudy(db, userId)).toEqual({ states: [], logs: [] });
    expect(await answer(postCardAction(post(`/api/cards/${cardId}/actions`, { action: "bury" }), cardParams(cardId)))).toMatchObject({
      status: 200,
      body: { ok: true, cardId, action: "bury" },
    });
  });
});

describe("GET /api/study/queue and /api/study/offline", () => {
  it.each([
    ["queue", getQueue],
    ["offline", getOfflinePack],
  ])("/api/study/%s answers 400 for a deck id that is not an id, 404 for one the learner may not study", async (path, handler) => {
    await signedInLearner();
    expect(await answer(handler(get(`/api/study/${path}?deck=${encodeURIComponent("bad id!")}`)))).toEqual({
      status: 400,
      body: { ok: false, code: "invalid_input", message: "Unknown deck." },
    });
    expect(await answer(handler(get(`/api/study/${path}?deck=no-such-deck`)))).toEqual({
      status: 404,
      body: { ok: false, code: "not_found", message: "That deck is not in your decks." },
    });
  });
});
