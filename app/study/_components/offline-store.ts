import { offlinePackSchema, type OfflinePack } from "@/lib/study/offline-pack";
import type { PendingReview } from "./review-outbox";

/**
 * The device's copy of study, in IndexedDB: packs of upcoming cards (one per scope), reviews waiting to reach
 * the server, and who studied last (the offline page has no session to ask). Each review is written before the
 * next card shows, so closing or reloading the tab while offline loses nothing.
 */
const DB_NAME = "alliance-recall";
const PACKS = "packs";
const OUTBOX = "outbox";
const META = "meta";

type StoredPack = { key: string; userId: string; pack: OfflinePack };
type StoredReview = PendingReview & { userId: string };

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(PACKS, { keyPath: "key" });
      request.result.createObjectStore(OUTBOX, { keyPath: "reviewId" });
      request.result.createObjectStore(META, { keyPath: "key" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

/** Runs `work` in one transaction and resolves with its result once the transaction has committed. */
async function inStores<T>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    const request = work(tx);
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

const packKey = (userId: string, deckId: string | null) => `${userId}:${deckId ?? "*"}`;

export async function loadPack(userId: string, deckId: string | null): Promise<OfflinePack | null> {
  const stored = await inStores<StoredPack | undefined>([PACKS], "readonly", (tx) => tx.objectStore(PACKS).get(packKey(userId, deckId)));
  const parsed = offlinePackSchema.safeParse(stored?.pack);
  return parsed.success ? parsed.data : null;
}

/** The scopes this learner has stored, for offering another when the one asked for is missing. */
export async function listPacks(userId: string): Promise<{ deckId: string | null; title: string }[]> {
  const all = (await inStores<StoredPack[]>([PACKS], "readonly", (tx) => tx.objectStore(PACKS).getAll())) ?? [];
  return all.flatMap((stored) => {
    const parsed = offlinePackSchema.safeParse(stored.pack);
    return stored.userId === userId && parsed.success ? [{ deckId: parsed.data.deckId, title: parsed.data.title }] : [];
  });
}

export async function savePack(userId: string, pack: OfflinePack): Promise<void> {
  await inStores([PACKS], "readwrite", (tx) => void tx.objectStore(PACKS).put({ key: packKey(userId, pack.deckId), userId, pack } satisfies StoredPack));
}

/** Applies `change` to every pack of this learner in one transaction (a card may sit in a deck pack and the all-decks pack). */
export async function updatePacks(userId: string, change: (pack: OfflinePack) => OfflinePack): Promise<void> {
  await inStores([PACKS], "readwrite", (tx) => {
    const store = tx.objectStore(PACKS);
    const cursor = store.openCursor();
    cursor.onsuccess = () => {
      const entry = cursor.result;
      if (!entry) return;
      const stored = entry.value as StoredPack;
      const parsed = offlinePackSchema.safeParse(stored.pack);
      if (stored.userId === userId && parsed.success) entry.update({ ...stored, pack: change(parsed.data) });
      entry.continue();
    };
  });
}

export async function listPending(userId: string): Promise<PendingReview[]> {
  const all = (await inStores<StoredReview[]>([OUTBOX], "readonly", (tx) => tx.objectStore(OUTBOX).getAll())) ?? [];
  return all
    .filter((review) => review.userId === userId)
    .map(({ userId: _owner, ...review }) => review)
    .sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt) || a.reviewId.localeCompare(b.reviewId));
}

export async function addPending(userId: string, reviews: PendingReview[]): Promise<void> {
  await inStores([OUTBOX], "readwrite", (tx) => {
    for (const review of reviews) tx.objectStore(OUTBOX).put({ ...review, userId } satisfies StoredReview);
  });
}

export async function removePending(reviewIds: string[]): Promise<void> {
  await inStores([OUTBOX], "readwrite", (tx) => {
    for (const id of reviewIds) tx.objectStore(OUTBOX).delete(id);
  });
}

/** Remembers who studied on this device last, for the offline study page. */
export async function rememberLearner(userId: string): Promise<void> {
  await inStores([META], "readwrite", (tx) => void tx.objectStore(META).put({ key: "learner", userId }));
}

/** Signing out stops the offline study page opening this learner's cards; their waiting reviews stay to sync later. */
export async function forgetLearner(): Promise<void> {
  await inStores([META], "readwrite", (tx) => void tx.objectStore(META).delete("learner"));
}

export async function findLearner(): Promise<string | null> {
  const entry = await inStores<{ userId?: unknown } | undefined>([META], "readonly", (tx) => tx.objectStore(META).get("learner"));
  return typeof entry?.userId === "string" ? entry.userId : null;
}
