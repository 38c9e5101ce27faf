import { z } from "zod";
import { offlinePackSchema, type OfflinePack } from "@/lib/study/device/offline-pack";
import { studyCardSchema, studyQueueSchema, type CardAction, type StudyQueueJson } from "@/lib/study/schema";

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** The server's current queue, or null when it cannot be reached. */
export async function fetchQueue(deckId: string | null): Promise<StudyQueueJson | null> {
  try {
    const response = await fetch(`/api/study/queue${deckId ? `?deck=${encodeURIComponent(deckId)}` : ""}`, { cache: "no-store" });
    const parsed = studyQueueSchema.safeParse(await response.json());
    return response.ok && parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const undoResponseSchema = z.object({ ok: z.literal(true), card: studyCardSchema });

/** Asks the server to take back this review or card action; the restored card, or null when it refused or was unreachable. */
export async function requestUndo(step: { reviewId: string } | { actionId: string }) {
  try {
    const parsed = undoResponseSchema.safeParse(await (await post("/api/reviews/undo", step)).json());
    return parsed.success ? parsed.data.card : null;
  } catch {
    return null;
  }
}

const cardActionResponseSchema = z.object({ ok: z.literal(true), actionId: z.string() });

/** Bury, suspend or reset a card; the id that undoes it, or null when the server refused or was unreachable. */
export async function requestCardAction(cardId: string, action: CardAction): Promise<string | null> {
  try {
    const parsed = cardActionResponseSchema.safeParse(await (await post(`/api/cards/${encodeURIComponent(cardId)}/actions`, { action })).json());
    return parsed.success ? parsed.data.actionId : null;
  } catch {
    return null;
  }
}

const offlinePackResponseSchema = offlinePackSchema.extend({ ok: z.literal(true) });

/** The next few days of study for this scope, for IndexedDB; null when the server cannot be reached. */
export async function fetchOfflinePack(deckId: string | null): Promise<OfflinePack | null> {
  try {
    const response = await fetch(`/api/study/offline${deckId ? `?deck=${encodeURIComponent(deckId)}` : ""}`, { cache: "no-store" });
    const parsed = offlinePackResponseSchema.safeParse(await response.json());
    if (!response.ok || !parsed.success) return null;
    const { ok: _ok, ...pack } = parsed.data;
    return pack;
  } catch {
    return null;
  }
}
