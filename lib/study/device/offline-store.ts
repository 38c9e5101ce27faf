import { z } from "zod";
import { applySyncedStates, mergeOfflinePacks, offlinePackSchema, type OfflinePack } from "@/lib/study/device/offline-pack";
import { studyCardSchema, type CardStateJson } from "@/lib/study/schema";
import type { ReviewRating } from "@/lib/srs/grade";

/**
 * The device's copy of study, in IndexedDB: packs of upcoming cards (one per scope), reviews waiting to reach
 * the server, the session under way in each scope, and who studied last (the offline page has no session to
 * ask). A grade writes its review, the packs and the session in one transaction, so a tab closed at any moment
 * keeps all three or none.
 */
const DB_NAME = "alliance-recall";
const PACKS = "packs";
const OUTBOX = "outbox";
const META = "meta";

/** One grade waiting to reach the server, in the shape POST /api/reviews/sync takes, with the day this device's load balancing chose. */
export type PendingReview = { reviewId: string; cardId: string; rating: ReviewRating; reviewedAt: string; durationMs: number; chosenInterval?: number | null };
/** Why the server would not take a review; it stays on the device, unsent, until the student decides. */
export type HeldReason = { code: string; message: string };
export type StoredReview = PendingReview & { held?: HeldReason };

const pendingReviewSchema = z.object({
  reviewId: z.string(),
  cardId: z.string(),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  reviewedAt: z.string(),
  durationMs: z.number(),
  chosenInterval: z.number().nullable().optional(),
});
const storedReviewSchema = pendingReviewSchema.extend({ held: z.object({ code: z.string(), message: z.string() }).optional() });

/** The session in one scope, so its progress, summary and undo survive a reload or a reopened app. */
const sessionSchema = z.object({
  day: z.string(),
  graded: z.array(z.object({ review: pendingReviewSchema, before: studyCardSchema, nextDue: z.string().nullable(), undoable: z.boolean() })),
});
export type StoredSession = z.infer<typeof sessionSchema>;

/** What a grade or its undo changes on the device besides the outbox: the card in the packs that hold it, and the session record. */
export type DeviceChange = { deckId: string | null; cardId: string; pack: (pack: OfflinePack) => OfflinePack; session: StoredSession };

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

/**
 * Runs `work` in one transaction and resolves once the transaction has committed, with what the function
 * `work` returned gives then (requests made inside have their results by that time). Commits are "relaxed":
 * done once the browser holds the write, which a closed tab or a crashed browser keeps; waiting for the disk
 * as well would cost a grade several frames and guards only against the phone itself losing power.
 */
async function transact<T = void>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => (() => T) | void): Promise<T> {
  const database = await open();
  return new Promise((resolve, reject) => {
    const tx = database.transaction(stores, mode, { durability: "relaxed" });
    const result = work(tx);
    tx.oncomplete = () => resolve(result ? result() : (undefined as T));
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

const packKey = (userId: string, deckId: string | null) => `${userId}:${deckId ?? "*"}`;
const sessionKey = (userId: string, deckId: string | null) => `session:${packKey(userId, deckId)}`;

type StoredPack = { key: string; userId: string; pack: OfflinePack };
type OutboxRow = StoredReview & { userId: string };

/** Calls `then` with this learner's outbox rows, read inside `tx`. */
function readOutbox(tx: IDBTransaction, userId: string, then: (rows: StoredReview[]) => void) {
  const request = tx.objectStore(OUTBOX).getAll();
  request.onsuccess = () =>
    then(
      (request.result as OutboxRow[]).flatMap((row) => {
        const parsed = storedReviewSchema.safeParse(row);
        return row.userId === userId && parsed.success ? [parsed.data] : [];
      }),
    );
}

const waitingCards = (rows: StoredReview[]) => new Set(rows.filter((row) => !row.held).map((row) => row.cardId));

const holds = (stored: StoredPack, cardId: string) => Array.isArray(stored.pack?.cards) && stored.pack.cards.some((card) => card?.id === cardId);

/**
 * Applies `change` to every pack of this learner inside `tx` (a card may sit in a deck pack and the all-decks
 * pack); with `cardId`, only to packs holding that card, so a grade does not re-check every stored deck.
 */
function changePacks(tx: IDBTransaction, userId: string, change: (pack: OfflinePack) => OfflinePack, cardId?: string) {
  const cursor = tx.objectStore(PACKS).openCursor();
  cursor.onsuccess = () => {
    const entry = cursor.result;
    if (!entry) return;
    const stored = entry.value as StoredPack;
    if (stored.userId === userId && (cardId === undefined || holds(stored, cardId))) {
      const parsed = offlinePackSchema.safeParse(stored.pack);
      if (parsed.success) entry.update({ ...stored, pack: change(parsed.data) });
    }
    entry.continue();
  };
}

function writeChange(tx: IDBTransaction, userId: string, change: DeviceChange) {
  changePacks(tx, userId, change.pack, change.cardId);
  tx.objectStore(META).put({ key: sessionKey(userId, change.deckId), ...change.session });
}

export async function loadPack(userId: string, deckId: string | null): Promise<OfflinePack | null> {
  const stored = await transact([PACKS], "readonly", (tx) => {
    const request = tx.objectStore(PACKS).get(packKey(userId, deckId));
    return () => request.result as StoredPack | undefined;
  });
  const parsed = offlinePackSchema.safeParse(stored?.pack);
  return parsed.success ? parsed.data : null;
}

/** The scopes this learner has stored, for offering another when the one asked for is missing. */
export async function listPacks(userId: string): Promise<{ deckId: string | null; title: string }[]> {
  const all = await transact([PACKS], "readonly", (tx) => {
    const request = tx.objectStore(PACKS).getAll();
    return () => request.result as StoredPack[];
  });
  return all.flatMap((stored) => {
    const parsed = offlinePackSchema.safeParse(stored.pack);
    return stored.userId === userId && parsed.success ? [{ deckId: parsed.data.deckId, title: parsed.data.title }] : [];
  });
}

/** Stores a freshly downloaded pack, keeping this device's state of cards whose reviews have not reached the server. */
export async function storeFreshPack(userId: string, fresh: OfflinePack): Promise<void> {
  await transact([PACKS, OUTBOX], "readwrite", (tx) => {
    const key = packKey(userId, fresh.deckId);
    const stored = tx.objectStore(PACKS).get(key);
    stored.onsuccess = () =>
      readOutbox(tx, userId, (rows) => {
        const device = offlinePackSchema.safeParse((stored.result as StoredPack | undefined)?.pack);
        const pack = mergeOfflinePacks(fresh, device.success ? device.data : null, waitingCards(rows));
        tx.objectStore(PACKS).put({ key, userId, pack } satisfies StoredPack);
      });
  });
}

/** A bury, suspend or reset the server accepted, in every pack. */
export async function updatePacks(userId: string, change: (pack: OfflinePack) => OfflinePack): Promise<void> {
  await transact([PACKS], "readwrite", (tx) => changePacks(tx, userId, change));
}

/** Every review of this learner on the device, oldest first: those waiting to be sent and those held back. */
export async function listStoredReviews(userId: string): Promise<StoredReview[]> {
  const rows = await transact([OUTBOX], "readonly", (tx) => {
    let found: StoredReview[] = [];
    readOutbox(tx, userId, (rows) => (found = rows));
    return () => found;
  });
  return rows.sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt) || a.reviewId.localeCompare(b.reviewId));
}

/** Puts reviews in the outbox as they are (waiting, or held with a reason); `remove` ids leave it in the same step. */
export async function putReviews(userId: string, reviews: StoredReview[], remove: string[] = []): Promise<void> {
  await transact([OUTBOX], "readwrite", (tx) => {
    for (const id of remove) tx.objectStore(OUTBOX).delete(id);
    for (const review of reviews) tx.objectStore(OUTBOX).put({ ...review, userId } satisfies OutboxRow);
  });
}

/**
 * A held review the student chose to remove: it leaves the outbox, and its card leaves the stored decks unless
 * other reviews of it wait, since their copy counts a review the server never took. The next download while
 * online brings the card back as the server has it.
 */
export async function discardReview(userId: string, review: PendingReview): Promise<void> {
  await transact([OUTBOX, PACKS], "readwrite", (tx) => {
    tx.objectStore(OUTBOX).delete(review.reviewId);
    readOutbox(tx, userId, (rows) => {
      if (rows.some((row) => row.cardId === review.cardId && row.reviewId !== review.reviewId)) return;
      changePacks(tx, userId, (pack) => ({ ...pack, cards: pack.cards.filter((card) => card.id !== review.cardId) }), review.cardId);
    });
  });
}

/** A grade: the review into the outbox, the card's new state into the packs, and the session, all or nothing. */
export async function recordGrade(userId: string, review: PendingReview, change: DeviceChange): Promise<void> {
  await transact([OUTBOX, PACKS, META], "readwrite", (tx) => {
    tx.objectStore(OUTBOX).put({ ...review, userId } satisfies OutboxRow);
    writeChange(tx, userId, change);
  });
}

/** An undo: the review out of the outbox (when `reviewId` is still unsent), the card's old state back, and the session. */
export async function recordUndo(userId: string, reviewId: string | null, change: DeviceChange): Promise<void> {
  await transact([OUTBOX, PACKS, META], "readwrite", (tx) => {
    if (reviewId) tx.objectStore(OUTBOX).delete(reviewId);
    writeChange(tx, userId, change);
  });
}

/** Reviews the server now has: out of the outbox, and its state of their cards into the packs unless graded again since. */
export async function settleSynced(userId: string, reviewIds: string[], cards: { cardId: string; state: CardStateJson | null }[]): Promise<void> {
  await transact([OUTBOX, PACKS], "readwrite", (tx) => {
    for (const id of reviewIds) tx.objectStore(OUTBOX).delete(id);
    readOutbox(tx, userId, (rows) => {
      const sent = new Set(reviewIds);
      const waiting = waitingCards(rows.filter((row) => !sent.has(row.reviewId)));
      changePacks(tx, userId, (pack) => applySyncedStates(pack, cards, waiting));
    });
  });
}

/** The session under way in this scope, if it was started on the study day `day`. */
export async function loadSession(userId: string, deckId: string | null, day: string): Promise<StoredSession | null> {
  const stored = await transact([META], "readonly", (tx) => {
    const request = tx.objectStore(META).get(sessionKey(userId, deckId));
    return () => request.result as unknown;
  });
  const parsed = sessionSchema.safeParse(stored);
  return parsed.success && parsed.data.day === day ? parsed.data : null;
}

/** Remembers who studied on this device last, and in which scope, for the offline study page and the installed app. */
export async function rememberLearner(userId: string, deckId: string | null): Promise<void> {
  await transact([META], "readwrite", (tx) => void tx.objectStore(META).put({ key: "learner", userId, deckId }));
}

/** Signing out stops the offline study page opening this learner's cards; their waiting reviews stay to sync later. */
export async function forgetLearner(): Promise<void> {
  await transact([META], "readwrite", (tx) => void tx.objectStore(META).delete("learner"));
}

const learnerSchema = z.object({ userId: z.string(), deckId: z.string().nullable().default(null) });

/** Who studied on this device last, and the scope they studied last. */
export async function findLearner(): Promise<{ userId: string; deckId: string | null } | null> {
  const entry = await transact([META], "readonly", (tx) => {
    const request = tx.objectStore(META).get("learner");
    return () => request.result as unknown;
  });
  const parsed = learnerSchema.safeParse(entry);
  return parsed.success ? parsed.data : null;
}
