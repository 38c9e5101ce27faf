import { z } from "zod";
import { cardStateJsonSchema, type CardStateJson } from "@/lib/study/schema";
import { addPending, listPending, removePending } from "./offline-store";

/** One grade waiting to reach the server, in the shape POST /api/reviews/sync takes. */
export type PendingReview = { reviewId: string; cardId: string; rating: 1 | 2 | 3 | 4; reviewedAt: string; durationMs: number };

export type OutboxStatus = { waiting: number; saving: boolean; offline: boolean; signedOut: boolean; saved: number };
export type SyncedCard = { cardId: string; state: CardStateJson | null };

const syncedSchema = z.object({ ok: z.literal(true), cards: z.array(z.object({ cardId: z.string(), state: cardStateJsonSchema.nullable() })) });
const refusedSchema = z.object({ message: z.string(), rejected: z.array(z.object({ reviewId: z.string() })).default([]) });
// Grades kept by the version of this outbox that used localStorage; moved into IndexedDB once.
const legacySchema = z.array(z.object({ reviewId: z.string(), cardId: z.string(), rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), reviewedAt: z.string(), durationMs: z.number() }));

const BATCH_SIZE = 50;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/**
 * Sends grades to POST /api/reviews/sync in the background, oldest first, in batches. Every grade is stored in
 * IndexedDB before it is sent and removed only once the server has it, so a reload or a closed tab while offline
 * loses nothing. Network failures, server errors and an expired session are retried with backoff under the same
 * review ids (the server stores each id once); reviews the server refuses for good are dropped and reported.
 */
export class ReviewOutbox {
  private pending: PendingReview[] = [];
  private inFlight: { ids: Set<string>; done: Promise<void> } | null = null;
  private failures = 0;
  private signedOut = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private saved = 0;
  private stopped = false;
  private status: OutboxStatus;
  private listeners = new Set<() => void>();
  private readonly loaded: Promise<void>;

  constructor(
    private readonly userId: string,
    private readonly handlers: { onSynced: (cards: SyncedCard[]) => void; onRefused: (message: string) => void },
  ) {
    this.status = this.computeStatus();
    this.loaded = this.load();
    window.addEventListener("online", this.flush);
    window.addEventListener("offline", this.changed);
  }

  private async load() {
    const legacyKey = `alliance-recall:reviews:${this.userId}`;
    const legacy = legacySchema.safeParse(JSON.parse(localStorage.getItem(legacyKey) ?? "[]"));
    if (legacy.success && legacy.data.length > 0) await addPending(this.userId, legacy.data);
    localStorage.removeItem(legacyKey);
    const stored = await listPending(this.userId);
    const known = new Set(this.pending.map((review) => review.reviewId));
    this.pending = [...stored.filter((review) => !known.has(review.reviewId)), ...this.pending].sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt));
    this.flush();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = () => this.status;

  /** Grades stored on this device and not yet on the server (after loading what earlier visits left). */
  async listWaiting(): Promise<PendingReview[]> {
    await this.loaded;
    return [...this.pending];
  }

  /** Keeps the grade on the device, then sends it when it can. Resolves once it is safely stored. */
  async add(review: PendingReview): Promise<void> {
    this.pending.push(review);
    this.changed();
    await addPending(this.userId, [review]);
    this.flush();
  }

  /** Takes a grade back: removed if still unsent, else waits for its send. Returns whether the server has it. */
  async takeBack(reviewId: string): Promise<"cancelled" | "sent"> {
    if (this.inFlight?.ids.has(reviewId)) await this.inFlight.done;
    if (!this.pending.some((review) => review.reviewId === reviewId)) return "sent";
    await this.forget([reviewId]);
    return "cancelled";
  }

  /** Sends now (on start, after a failure, when the browser comes back online). */
  flush = () => {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // Offline, a send can only fail; the browser's "online" event calls flush again.
    if (this.stopped || this.inFlight || this.pending.length === 0 || !navigator.onLine) return this.changed();
    const batch = this.pending.slice(0, BATCH_SIZE);
    const done = this.loaded.then(() => this.send(batch)).finally(() => {
      this.inFlight = null;
      this.changed();
      if (this.failures === 0) this.flush();
      else this.retryTimer = setTimeout(this.flush, Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1)));
    });
    this.inFlight = { ids: new Set(batch.map((review) => review.reviewId)), done };
    this.changed();
  };

  stop() {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    window.removeEventListener("online", this.flush);
    window.removeEventListener("offline", this.changed);
  }

  private async send(batch: PendingReview[]) {
    let response: Response;
    try {
      response = await fetch("/api/reviews/sync", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ learnerId: this.userId, reviews: batch }) });
    } catch {
      this.failures++;
      return;
    }
    // 403: signed in as someone else (these reviews were made by the learner who studied here last).
    this.signedOut = response.status === 401 || response.status === 403;
    if (response.status >= 500 || response.status === 429 || this.signedOut) {
      // Server trouble or the wrong (or no) session: keep the grades and try again later.
      this.failures++;
      return;
    }
    this.failures = 0;
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      await this.forget(batch.map((review) => review.reviewId));
      this.saved += batch.length;
      const synced = syncedSchema.safeParse(body);
      if (synced.success) this.handlers.onSynced(synced.data.cards);
      return;
    }
    // Refused for good: drop the named reviews (the rest of the batch goes again), or the whole batch if none is named.
    const refused = refusedSchema.safeParse(body);
    const named = refused.success ? refused.data.rejected.map((entry) => entry.reviewId) : [];
    await this.forget(named.length > 0 ? named : batch.map((review) => review.reviewId));
    this.handlers.onRefused(refused.success ? refused.data.message : "Some reviews could not be saved.");
  }

  private async forget(reviewIds: string[]) {
    const ids = new Set(reviewIds);
    this.pending = this.pending.filter((review) => !ids.has(review.reviewId));
    this.changed();
    await removePending(reviewIds);
  }

  private computeStatus(): OutboxStatus {
    const offline = (typeof navigator !== "undefined" && !navigator.onLine) || (this.failures > 0 && !this.signedOut);
    return { waiting: this.pending.length, saving: this.inFlight !== null, offline, signedOut: this.signedOut, saved: this.saved };
  }

  private changed = () => {
    this.status = this.computeStatus();
    for (const listener of this.listeners) listener();
  };
}
