import { z } from "zod";

/** One grade waiting to reach the server, in the JSON shape POST /api/reviews takes. */
export type PendingReview = {
  reviewId: string;
  cardId: string;
  rating: 1 | 2 | 3 | 4;
  reviewedAt: string;
  durationMs: number;
  expectedLastReview: string | null;
};

export type OutboxStatus = { waiting: number; saving: boolean; offline: boolean; saved: number };

const pendingSchema = z.array(
  z.object({
    reviewId: z.string(),
    cardId: z.string(),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    reviewedAt: z.string(),
    durationMs: z.number(),
    expectedLastReview: z.string().nullable(),
  }),
);

const savedReviewSchema = z.object({ ok: z.literal(true), reviewedAt: z.string() });

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/**
 * Sends grades one at a time, in order, in the background. Network failures and server errors are retried with
 * exponential backoff under the same reviewId (the server applies each id once); a 409 means the card changed
 * elsewhere, so that grade is dropped and the owner reloads. Waiting grades survive a reload via localStorage.
 */
export class ReviewOutbox {
  private pending: PendingReview[];
  private inFlight: { reviewId: string; done: Promise<void> } | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private saved = 0;
  // The server may clamp a review's time; later grades of the same card must expect the time it stored.
  private storedTimes = new Map<string, string>();
  private status: OutboxStatus;
  private listeners = new Set<() => void>();

  constructor(
    private readonly storageKey: string,
    private readonly onConflict: () => void,
  ) {
    const stored = pendingSchema.safeParse(JSON.parse(localStorage.getItem(storageKey) ?? "[]"));
    this.pending = stored.success ? stored.data : [];
    this.status = this.computeStatus();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = () => this.status;

  add(review: PendingReview) {
    this.pending.push(review);
    this.changed();
    this.flush();
  }

  /** Takes a grade back: removed if still unsent, else waits for its send. Returns whether the server has it. */
  async takeBack(reviewId: string): Promise<"cancelled" | "sent"> {
    if (this.inFlight?.reviewId === reviewId) await this.inFlight.done;
    const index = this.pending.findIndex((review) => review.reviewId === reviewId);
    if (index === -1) return "sent";
    this.pending.splice(index, 1);
    this.changed();
    return "cancelled";
  }

  /** Sends now (after a failure, when the browser comes back online). */
  flush = () => {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.inFlight || this.pending.length === 0) return;
    const review = this.pending[0]!;
    const done = this.send(review).finally(() => {
      this.inFlight = null;
      this.changed();
      if (this.failures === 0) this.flush();
      else this.retryTimer = setTimeout(this.flush, Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1)));
    });
    this.inFlight = { reviewId: review.reviewId, done };
    this.changed();
  };

  stop() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async send(review: PendingReview) {
    const timeKey = `${review.cardId}|${review.expectedLastReview}`;
    const body = { ...review, expectedLastReview: this.storedTimes.get(timeKey) ?? review.expectedLastReview };
    let response: Response;
    try {
      response = await fetch("/api/reviews", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    } catch {
      this.failures++;
      return;
    }
    if (response.status >= 500 || response.status === 429 || response.status === 401) {
      // Server trouble or an expired session: keep the grade and try again later.
      this.failures++;
      return;
    }
    this.failures = 0;
    this.remove(review.reviewId);
    if (response.ok) {
      const saved = savedReviewSchema.safeParse(await response.json().catch(() => null));
      if (saved.success && saved.data.reviewedAt !== review.reviewedAt) this.storedTimes.set(`${review.cardId}|${review.reviewedAt}`, saved.data.reviewedAt);
      this.saved++;
    } else if (response.status === 409) {
      this.onConflict();
    }
  }

  private remove(reviewId: string) {
    this.pending = this.pending.filter((review) => review.reviewId !== reviewId);
  }

  private computeStatus(): OutboxStatus {
    return { waiting: this.pending.length, saving: this.inFlight !== null, offline: this.failures > 0, saved: this.saved };
  }

  private changed() {
    localStorage.setItem(this.storageKey, JSON.stringify(this.pending));
    this.status = this.computeStatus();
    for (const listener of this.listeners) listener();
  }
}
