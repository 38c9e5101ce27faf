import { z } from "zod";
import type { CardStateJson } from "@/lib/study/schema";
import * as offlineStore from "./offline-store";
import type { DeviceChange, PendingReview, StoredReview } from "./offline-store";

// Grades kept by the version of this outbox that used localStorage; moved into IndexedDB once.
const legacySchema = z.array(
  z.object({
    reviewId: z.string(),
    cardId: z.string(),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    reviewedAt: z.string(),
    durationMs: z.number(),
  }),
);

/** Where the outbox keeps its reviews: IndexedDB (offline-store.ts) in the browser, an in-memory double in tests. */
export type OutboxStore = {
  /** Every stored review of this learner, waiting or held. */
  load(userId: string): Promise<StoredReview[]>;
  put(userId: string, reviews: StoredReview[], remove?: string[]): Promise<void>;
  discard(userId: string, review: PendingReview): Promise<void>;
  recordGrade(userId: string, review: PendingReview, change: DeviceChange): Promise<void>;
  recordUndo(userId: string, reviewId: string | null, change: DeviceChange): Promise<void>;
  settle(userId: string, reviewIds: string[], cards: { cardId: string; state: CardStateJson | null }[]): Promise<void>;
};

/** The body POST /api/reviews/sync takes. */
export type SyncRequest = { learnerId: string; sentAt: string; reviews: PendingReview[] };
/** The parts of the server's answer the outbox reads (fetch's Response has them). */
export type SyncReply = Pick<Response, "ok" | "status" | "json">;
/** Sends one batch; rejects when there is no answer at all. */
export type SyncTransport = (request: SyncRequest) => Promise<SyncReply>;

/** Whether the device has a network, and news when that changes (returns the way to stop listening). */
export type Network = { isOnline(): boolean; watch(onOnline: () => void, onOffline: () => void): () => void };

export type OutboxDeps = { store: OutboxStore; transport: SyncTransport; network: Network };

export const deviceStore: OutboxStore = {
  async load(userId) {
    const legacyKey = `alliance-recall:reviews:${userId}`;
    const legacy = legacySchema.safeParse(JSON.parse(localStorage.getItem(legacyKey) ?? "[]"));
    if (legacy.success && legacy.data.length > 0) await offlineStore.putReviews(userId, legacy.data);
    localStorage.removeItem(legacyKey);
    return offlineStore.listStoredReviews(userId);
  },
  put: offlineStore.putReviews,
  discard: offlineStore.discardReview,
  recordGrade: offlineStore.recordGrade,
  recordUndo: offlineStore.recordUndo,
  settle: offlineStore.settleSynced,
};

export const postSync: SyncTransport = (request) =>
  fetch("/api/reviews/sync", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });

export const browserNetwork: Network = {
  isOnline: () => navigator.onLine,
  watch(onOnline, onOffline) {
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  },
};
