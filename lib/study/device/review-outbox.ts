import { z } from "zod";
import { createClientId } from "@/lib/study/device/client-id";
import { cardStateJsonSchema } from "@/lib/study/schema";
import type { DeviceChange, HeldReason, PendingReview } from "./offline-store";
import {
  browserNetwork,
  deviceStore,
  postSync,
  type Network,
  type OutboxDeps,
  type OutboxStore,
  type SyncReply,
  type SyncTransport,
} from "./review-outbox-deps";

export type { PendingReview };
/** A review the server would not take, kept on this device with the reason until the student sends it again or removes it. */
export type HeldReview = PendingReview & { held: HeldReason };

export type OutboxStatus = {
  waiting: number;
  saving: boolean;
  /** The browser says it has no network. */
  offline: boolean;
  /** Online, but the last send failed (no answer, server trouble); it is tried again with backoff. */
  retrying: boolean;
  /** The server answered 503: its database is down or read-only, so the grades wait on the device. */
  unavailable: boolean;
  signedOut: boolean;
  saved: number;
  held: HeldReview[];
};

const syncedSchema = z.object({ ok: z.literal(true), cards: z.array(z.object({ cardId: z.string(), state: cardStateJsonSchema.nullable() })) });
const refusedSchema = z.object({
  message: z.string().optional(),
  rejected: z.array(z.object({ reviewId: z.string(), reason: z.string().optional() })).default([]),
});
export const BATCH_SIZE = 50;
export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 60_000;

/** What the student reads about a held review: the server's reason in their terms. */
function explain(code: string, serverMessage: string | undefined): string {
  if (code === "unknown_card") return "This card is no longer in your decks, so the server cannot keep this review.";
  if (code === "id_reused" || code === "conflict") return "The server already has a different review under this review's id.";
  return serverMessage ?? "The server could not accept this review.";
}

const byTime = (a: PendingReview, b: PendingReview) => a.reviewedAt.localeCompare(b.reviewedAt) || a.reviewId.localeCompare(b.reviewId);

/**
 * Sends grades to POST /api/reviews/sync in the background, oldest first, in batches, with the device's clock
 * reading so the server can correct a phone set fast or slow. A grade reaches IndexedDB (with the stored deck's
 * update, in one transaction) before it is queued here, and leaves only once the server has it. No answer,
 * server trouble and an expired session are retried with backoff under the same review ids (the server stores
 * each id once). A review the server refuses (400, or 409 for an id it holds with another body) is held: kept on
 * the device with the reason, never sent again on its own, until the student sends it as a new review or removes it.
 */
export class ReviewOutbox {
  private pending: PendingReview[] = [];
  private held: HeldReview[] = [];
  private inFlight: { ids: Set<string>; done: Promise<void> } | null = null;
  private failures = 0;
  private signedOut = false;
  private unavailable = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private saved = 0;
  private stopped = false;
  private status: OutboxStatus;
  private listeners = new Set<() => void>();
  private readonly loaded: Promise<void>;
  private readonly store: OutboxStore;
  private readonly transport: SyncTransport;
  private readonly network: Network;
  private readonly unwatch: () => void;

  /** `deps` replaces the browser's IndexedDB, fetch and network events (tests pass doubles). */
  constructor(
    private readonly userId: string,
    deps: Partial<OutboxDeps> = {},
  ) {
    this.store = deps.store ?? deviceStore;
    this.transport = deps.transport ?? postSync;
    this.network = deps.network ?? browserNetwork;
    this.status = this.computeStatus();
    this.loaded = this.load();
    this.unwatch = this.network.watch(this.flush, this.changed);
  }

  private async load() {
    const stored = await this.store.load(this.userId);
    const known = new Set(this.pending.map((review) => review.reviewId));
    this.held = stored.flatMap(({ held, ...review }) => (held ? [{ ...review, held }] : []));
    this.pending = [...stored.filter((review) => !review.held && !known.has(review.reviewId)), ...this.pending].sort(byTime);
    this.flush();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = () => this.status;

  /** Grades stored on this device and not yet on the server, held ones included (after loading what earlier visits left). */
  async listWaiting(): Promise<PendingReview[]> {
    await this.loaded;
    return [...this.pending, ...this.held];
  }

  /**
   * Stores the grade with the device's other changes in one transaction, then sends it when it can. Where the
   * browser keeps no IndexedDB (some private modes) the grade is still sent, from memory, while the page is open.
   */
  async add(review: PendingReview, change: DeviceChange): Promise<void> {
    await this.store.recordGrade(this.userId, review, change).catch(() => undefined);
    if (!this.pending.some((entry) => entry.reviewId === review.reviewId)) this.pending.push(review);
    this.flush();
  }

  /** Takes a grade back with the device's other changes: removed if still unsent, else waits for its send. Returns whether the server has it. */
  async takeBack(reviewId: string, change: DeviceChange): Promise<"cancelled" | "sent"> {
    if (this.inFlight?.ids.has(reviewId)) await this.inFlight.done;
    const unsent = [...this.pending, ...this.held].some((review) => review.reviewId === reviewId);
    // Out of the in-memory queue first, so no send starting meanwhile carries it.
    this.pending = this.pending.filter((review) => review.reviewId !== reviewId);
    this.held = this.held.filter((review) => review.reviewId !== reviewId);
    this.changed();
    await this.store.recordUndo(this.userId, unsent ? reviewId : null, change);
    return unsent ? "cancelled" : "sent";
  }

  /** Sends a held review again under a new id (its old id is what the server could not take). */
  async resend(reviewId: string): Promise<void> {
    const entry = this.held.find((review) => review.reviewId === reviewId);
    if (!entry) return;
    const { held: _reason, ...review } = entry;
    const fresh = { ...review, reviewId: createClientId() };
    await this.store.put(this.userId, [fresh], [reviewId]);
    this.held = this.held.filter((other) => other.reviewId !== reviewId);
    this.pending = [...this.pending, fresh].sort(byTime);
    this.flush();
  }

  /** Removes a held review from this device, at the student's request. */
  async discard(reviewId: string): Promise<void> {
    const review = this.held.find((entry) => entry.reviewId === reviewId);
    if (!review) return;
    await this.store.discard(this.userId, review);
    this.held = this.held.filter((review) => review.reviewId !== reviewId);
    this.changed();
  }

  /** Sends now (on start, after a failure, when the browser comes back online). */
  flush = () => {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // Offline, a send can only fail; the browser's "online" event calls flush again.
    if (this.stopped || this.inFlight || this.pending.length === 0 || !this.network.isOnline()) return this.changed();
    const batch = this.pending.slice(0, BATCH_SIZE);
    const done = this.loaded
      .then(() => this.send(batch))
      .finally(() => {
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
    this.unwatch();
  }

  private async send(batch: PendingReview[]) {
    let response: SyncReply;
    try {
      response = await this.transport({ learnerId: this.userId, sentAt: new Date().toISOString(), reviews: batch });
    } catch {
      this.unavailable = false;
      this.failures++;
      return;
    }
    // 403: signed in as someone else (these reviews were made by the learner who studied here last).
    this.signedOut = response.status === 401 || response.status === 403;
    this.unavailable = response.status === 503;
    if (response.status >= 500 || response.status === 429 || this.signedOut) {
      // Server trouble or the wrong (or no) session: keep the grades and try again later.
      this.failures++;
      return;
    }
    this.failures = 0;
    const body: unknown = await response.json().catch(() => null);
    const ids = new Set(batch.map((review) => review.reviewId));
    if (response.ok) {
      const synced = syncedSchema.safeParse(body);
      await this.store.settle(this.userId, [...ids], synced.success ? synced.data.cards : []);
      this.pending = this.pending.filter((review) => !ids.has(review.reviewId));
      this.saved += batch.length;
      return;
    }
    // Refused: hold the named reviews (the rest of the batch goes again), or the whole batch if none is named.
    const refused = refusedSchema.safeParse(body);
    const named = new Map((refused.success ? refused.data.rejected : []).map((entry) => [entry.reviewId, entry.reason]));
    const fallback = response.status === 409 ? "conflict" : "refused";
    const held = batch
      .filter((review) => named.size === 0 || named.has(review.reviewId))
      .map((review) => {
        const code = named.get(review.reviewId) ?? fallback;
        return { ...review, held: { code, message: explain(code, refused.success ? refused.data.message : undefined) } };
      });
    await this.store.put(this.userId, held);
    const heldIds = new Set(held.map((review) => review.reviewId));
    this.pending = this.pending.filter((review) => !heldIds.has(review.reviewId));
    this.held = [...this.held, ...held].sort(byTime);
  }

  private computeStatus(): OutboxStatus {
    const offline = !this.network.isOnline();
    return {
      waiting: this.pending.length,
      saving: this.inFlight !== null,
      offline,
      retrying: !offline && this.failures > 0 && !this.signedOut,
      unavailable: !offline && this.failures > 0 && this.unavailable,
      signedOut: this.signedOut,
      saved: this.saved,
      held: this.held,
    };
  }

  private changed = () => {
    this.status = this.computeStatus();
    for (const listener of this.listeners) listener();
  };
}
