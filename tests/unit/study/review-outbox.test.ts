import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeviceChange, StoredReview } from "@/lib/study/device/offline-store";
import { BATCH_SIZE, FIRST_RETRY_MS, MAX_RETRY_MS, ReviewOutbox, type PendingReview } from "@/lib/study/device/review-outbox";
import type { Network, OutboxStore, SyncReply, SyncRequest } from "@/lib/study/device/review-outbox-deps";

const USER = "learner-1";
const START = Date.UTC(2026, 2, 2, 9);
const CHANGE: DeviceChange = { deckId: null, cardId: "c0", pack: (pack) => pack, session: { day: "2026-03-02", graded: [] } };

function review(index: number): PendingReview {
  return { reviewId: `r${index}`, cardId: `c${index}`, rating: 3, reviewedAt: new Date(START + index * 1_000).toISOString(), durationMs: 4_000 };
}

/** The device's IndexedDB outbox as a map: what a reload would find. */
function memoryStore(initial: StoredReview[]) {
  const rows = new Map(initial.map((row) => [row.reviewId, row]));
  const store: OutboxStore = {
    load: async () => [...rows.values()],
    put: async (_user, reviews, remove = []) => {
      for (const id of remove) rows.delete(id);
      for (const row of reviews) rows.set(row.reviewId, row);
    },
    discard: async (_user, row) => void rows.delete(row.reviewId),
    recordGrade: async (_user, row) => void rows.set(row.reviewId, row),
    recordUndo: async (_user, id) => void (id && rows.delete(id)),
    settle: async (_user, ids) => ids.forEach((id) => rows.delete(id)),
  };
  return { store, rows };
}

function reply(status: number, body: unknown = {}): SyncReply {
  return { ok: status >= 200 && status < 300, status, json: async () => body };
}
const synced = (request: SyncRequest) => reply(200, { ok: true, cards: request.reviews.map((entry) => ({ cardId: entry.cardId, state: null })) });

/** A server whose answers the test scripts in order; past the script it accepts everything. */
function server(...script: ((request: SyncRequest) => SyncReply | Error)[]) {
  const sent: SyncRequest[] = [];
  const transport = vi.fn(async (request: SyncRequest) => {
    sent.push(request);
    const answer = (script.shift() ?? synced)(request);
    if (answer instanceof Error) throw answer;
    return answer;
  });
  return { transport, sent, ids: () => sent.map((request) => request.reviews.map((entry) => entry.reviewId)) };
}

function network(online = true) {
  let handlers: { online: () => void; offline: () => void } | null = null;
  const double: Network & { set(online: boolean): void } = {
    isOnline: () => online,
    watch(onOnline, onOffline) {
      handlers = { online: onOnline, offline: onOffline };
      return () => (handlers = null);
    },
    set(next) {
      online = next;
      handlers?.[next ? "online" : "offline"]();
    },
  };
  return double;
}

/** Lets the outbox's promise chains run (timers stay fake, so no retry fires on its own). */
async function settle() {
  for (let round = 0; round < 10; round++) await new Promise((resolve) => setImmediate(resolve));
}

let outbox: ReviewOutbox | null = null;
function start(stored: StoredReview[], answers: ReturnType<typeof server>, net = network()) {
  const device = memoryStore(stored);
  outbox = new ReviewOutbox(USER, { store: device.store, transport: answers.transport, network: net });
  return { box: outbox, rows: device.rows };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  outbox?.stop();
  outbox = null;
  vi.useRealTimers();
});

describe("ReviewOutbox sending", () => {
  it("sends the waiting grades as the learner, then clears them from the device and counts them saved", async () => {
    const answers = server();
    const { box, rows } = start([review(2), review(1)], answers);
    await settle();
    expect(answers.sent).toHaveLength(1);
    expect(answers.sent[0]).toMatchObject({ learnerId: USER, reviews: [review(1), review(2)] });
    expect(box.getStatus()).toMatchObject({ waiting: 0, saved: 2, saving: false, retrying: false, held: [] });
    expect(rows.size).toBe(0);
  });

  it("sends a new grade at once, and keeps it on the device until the server has it", async () => {
    const answers = server(() => new Error("no answer"));
    const { box, rows } = start([], answers);
    await settle();
    await box.add(review(1), CHANGE);
    await settle();
    expect(answers.ids()).toEqual([["r1"]]);
    expect([...rows.keys()]).toEqual(["r1"]);
  });

  it(`sends at most ${BATCH_SIZE} reviews a request, oldest first`, async () => {
    const answers = server();
    const stored = Array.from({ length: BATCH_SIZE * 2 + 20 }, (_, index) => review(BATCH_SIZE * 2 + 19 - index));
    const { box } = start(stored, answers);
    await settle();
    expect(answers.sent.map((request) => request.reviews.length)).toEqual([BATCH_SIZE, BATCH_SIZE, 20]);
    expect(answers.sent[0]!.reviews[0]!.reviewId).toBe("r0");
    expect(answers.sent[2]!.reviews.at(-1)!.reviewId).toBe(`r${BATCH_SIZE * 2 + 19}`);
    expect(box.getStatus()).toMatchObject({ waiting: 0, saved: BATCH_SIZE * 2 + 20 });
  });

  it("does not send while offline, and sends when the browser comes back online", async () => {
    const answers = server();
    const net = network(false);
    const { box } = start([review(1)], answers, net);
    await settle();
    expect(answers.transport).not.toHaveBeenCalled();
    expect(box.getStatus()).toMatchObject({ offline: true, waiting: 1, retrying: false });
    net.set(true);
    await settle();
    expect(answers.ids()).toEqual([["r1"]]);
    expect(box.getStatus()).toMatchObject({ offline: false, waiting: 0, saved: 1 });
  });
});

describe("ReviewOutbox retries", () => {
  it("keeps the grades when there is no answer and tries again under the same ids, waiting longer each time", async () => {
    const answers = server(
      () => new Error("no answer"),
      () => new Error("no answer"),
    );
    const { box, rows } = start([review(1), review(2)], answers);
    await settle();
    expect(box.getStatus()).toMatchObject({ waiting: 2, retrying: true, saved: 0 });
    expect(rows.size).toBe(2);

    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS - 1);
    expect(answers.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(answers.sent).toHaveLength(2);

    // Second failure: the wait doubles.
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS * 2 - 1);
    expect(answers.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(answers.ids()).toEqual([
      ["r1", "r2"],
      ["r1", "r2"],
      ["r1", "r2"],
    ]);
    expect(box.getStatus()).toMatchObject({ waiting: 0, retrying: false, saved: 2 });
    expect(rows.size).toBe(0);
  });

  it("waits no longer than the longest wait between tries, however many fail", async () => {
    const answers = server(...Array.from({ length: 8 }, () => () => new Error("no answer")));
    start([review(1)], answers);
    await settle();
    // Waits of 1, 2, 4 … 32 s, then the cap.
    for (let wait = FIRST_RETRY_MS; wait < MAX_RETRY_MS; wait *= 2) {
      await vi.advanceTimersByTimeAsync(wait);
      await settle();
    }
    expect(answers.sent).toHaveLength(7);
    await vi.advanceTimersByTimeAsync(MAX_RETRY_MS - 1);
    expect(answers.sent).toHaveLength(7);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(answers.sent).toHaveLength(8);
  });

  it.each([
    [500, false],
    [503, true],
    [429, false],
  ])("keeps the grades on a %i and tries again (unavailable: %s)", async (status, unavailable) => {
    const answers = server(() => reply(status));
    const { box, rows } = start([review(1)], answers);
    await settle();
    expect(box.getStatus()).toMatchObject({ waiting: 1, retrying: true, unavailable, held: [] });
    expect(rows.size).toBe(1);
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    await settle();
    expect(answers.ids()).toEqual([["r1"], ["r1"]]);
    expect(box.getStatus()).toMatchObject({ waiting: 0, retrying: false, unavailable: false, saved: 1 });
  });

  it.each([401, 403])("keeps the grades on a %i, says the learner must sign in again, and tries again", async (status) => {
    const answers = server(() => reply(status, { error: "unauthorized" }));
    const { box, rows } = start([review(1)], answers);
    await settle();
    expect(box.getStatus()).toMatchObject({ waiting: 1, signedOut: true, retrying: false, held: [] });
    expect(rows.size).toBe(1);
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    await settle();
    expect(answers.ids()).toEqual([["r1"], ["r1"]]);
    expect(box.getStatus()).toMatchObject({ waiting: 0, signedOut: false, saved: 1 });
  });

  it("stops retrying once stopped", async () => {
    const answers = server(() => new Error("no answer"));
    const { box } = start([review(1)], answers);
    await settle();
    box.stop();
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS * 10);
    await settle();
    expect(answers.sent).toHaveLength(1);
  });
});

describe("ReviewOutbox refusals", () => {
  it("holds only the reviews a 400 names, with the reason, and sends the rest of the batch again", async () => {
    const answers = server(() => reply(400, { message: "Some reviews were refused.", rejected: [{ reviewId: "r2", reason: "unknown_card" }] }));
    const { box, rows } = start([review(1), review(2), review(3)], answers);
    await settle();
    expect(answers.ids()).toEqual([
      ["r1", "r2", "r3"],
      ["r1", "r3"],
    ]);
    const { held, waiting, saved } = box.getStatus();
    expect({ waiting, saved }).toEqual({ waiting: 0, saved: 2 });
    expect(held).toEqual([
      { ...review(2), held: { code: "unknown_card", message: "This card is no longer in your decks, so the server cannot keep this review." } },
    ]);
    expect(rows.get("r2")?.held?.code).toBe("unknown_card");
    // A held review is never sent again on its own.
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS * 100);
    await settle();
    expect(answers.sent).toHaveLength(2);
  });

  it("holds the whole batch with the server's message when a 400 names no review", async () => {
    const answers = server(() => reply(400, { message: "The request was malformed." }));
    const { box } = start([review(1), review(2)], answers);
    await settle();
    expect(answers.sent).toHaveLength(1);
    expect(box.getStatus().held.map((entry) => [entry.reviewId, entry.held.message])).toEqual([
      ["r1", "The request was malformed."],
      ["r2", "The request was malformed."],
    ]);
    expect(box.getStatus().waiting).toBe(0);
  });

  it("holds the batch on a 409 with the conflict explained", async () => {
    const answers = server(() => reply(409, { message: "conflict" }));
    const { box, rows } = start([review(1)], answers);
    await settle();
    expect(box.getStatus().held).toEqual([
      { ...review(1), held: { code: "conflict", message: "The server already has a different review under this review's id." } },
    ]);
    expect(rows.get("r1")?.held?.code).toBe("conflict");
    expect(box.getStatus()).toMatchObject({ waiting: 0, retrying: false, saved: 0 });
  });

  it("removes a held review from the device when the learner discards it", async () => {
    const answers = server(() => reply(409));
    const { box, rows } = start([review(1), review(2)], answers);
    await settle();
    await box.discard("r1");
    expect(box.getStatus().held.map((entry) => entry.reviewId)).toEqual(["r2"]);
    expect([...rows.keys()]).toEqual(["r2"]);
    expect(answers.sent).toHaveLength(1);
  });

  it("sends a held review again under a new id when the learner asks", async () => {
    const answers = server(() => reply(409));
    const { box, rows } = start([review(1)], answers);
    await settle();
    await box.resend("r1");
    await settle();
    const again = answers.sent[1]!.reviews;
    expect(again).toEqual([{ ...review(1), reviewId: expect.not.stringMatching(/^r1$/) }]);
    expect(box.getStatus()).toMatchObject({ held: [], waiting: 0, saved: 1 });
    expect(rows.size).toBe(0);
  });
});

describe("ReviewOutbox undo", () => {
  it("cancels a grade still waiting on the device, so it is never sent", async () => {
    const answers = server();
    const net = network(false);
    const { box, rows } = start([review(1), review(2)], answers, net);
    await settle();
    expect(await box.takeBack("r2", CHANGE)).toBe("cancelled");
    expect([...rows.keys()]).toEqual(["r1"]);
    net.set(true);
    await settle();
    expect(answers.ids()).toEqual([["r1"]]);
  });

  it("says a grade the server already has was sent, so the server must undo it", async () => {
    const answers = server();
    const { box } = start([review(1)], answers);
    await settle();
    expect(await box.takeBack("r1", CHANGE)).toBe("sent");
  });

  it("waits for a send under way before deciding", async () => {
    let answer: (reply: SyncReply) => void = () => undefined;
    const transport = vi.fn((_request: SyncRequest) => new Promise<SyncReply>((resolve) => (answer = resolve)));
    const device = memoryStore([review(1)]);
    outbox = new ReviewOutbox(USER, { store: device.store, transport, network: network() });
    await settle();
    expect(outbox.getStatus().saving).toBe(true);
    const taken = outbox.takeBack("r1", CHANGE);
    answer(reply(200, { ok: true, cards: [] }));
    expect(await taken).toBe("sent");
  });
});
