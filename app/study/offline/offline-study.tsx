"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { buildOfflineQueue } from "@/lib/study/device/offline-pack";
import type { StudyQueueJson } from "@/lib/study/schema";
import { findLearner, listPacks, loadPack } from "../../../lib/study/device/offline-store";
import { KeysHint } from "../_components/keys-hint";
import { StoredDeckLinks, type StoredScope } from "../_components/stored-deck-links";
import { StudySession } from "../_components/study-session";

type Loaded =
  | { kind: "loading" }
  | { kind: "missing"; asked: boolean; stored: StoredScope[] }
  | { kind: "ready"; userId: string; deckId: string | null; title: string; queue: StudyQueueJson };

/**
 * The asked scope (?deck=ID) from this device's copy. With none asked (the installed app's start page, or
 * "All due cards"), the scope studied last on this device, then all due cards, then a list of what is stored.
 */
async function loadFromDevice(): Promise<Loaded> {
  const asked = new URLSearchParams(window.location.search).get("deck");
  const learner = await findLearner().catch(() => null);
  if (!learner) return { kind: "missing", asked: asked !== null, stored: [] };
  const scopes = asked !== null ? [asked] : [...new Set([learner.deckId, null])];
  for (const deckId of scopes) {
    const pack = await loadPack(learner.userId, deckId).catch(() => null);
    if (!pack) continue;
    // The address names what is shown, so a reload opens the same deck.
    if (deckId !== null && asked === null) window.history.replaceState(window.history.state, "", `/study?deck=${encodeURIComponent(deckId)}`);
    return { kind: "ready", userId: learner.userId, deckId, title: pack.title, queue: buildOfflineQueue(pack, new Date()) };
  }
  return { kind: "missing", asked: asked !== null, stored: await listPacks(learner.userId).catch(() => []) };
}

/** Study from this device's copy: the queue is built from the stored pack, and grades wait in the outbox. */
export function OfflineStudy() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  useEffect(() => {
    void loadFromDevice().then(setLoaded);
  }, []);

  if (loaded.kind === "loading") return <p role="status">Loading your cards from this device…</p>;
  if (loaded.kind === "missing") {
    return (
      <>
        <h1 className="text-xl font-bold">Study</h1>
        <p>
          {loaded.asked
            ? "These cards are not stored on this device yet. Open them once while online, then they work offline too."
            : loaded.stored.length > 0
              ? "Choose cards stored on this device."
              : "No cards are stored on this device yet. Open a deck once while online, then it works offline too."}
        </p>
        <StoredDeckLinks stored={loaded.stored} />
        <Link href="/decks" className="font-semibold text-brand underline">
          Go to your decks
        </Link>
      </>
    );
  }
  return (
    <>
      <StudySession title={loaded.title} initial={loaded.queue} deckId={loaded.deckId} userId={loaded.userId} fromDevice />
      <KeysHint />
    </>
  );
}
