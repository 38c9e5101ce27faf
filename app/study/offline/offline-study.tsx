"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { buildOfflineQueue } from "@/lib/study/offline-pack";
import type { StudyQueueJson } from "@/lib/study/schema";
import { findLearner, listPacks, loadPack } from "../_components/offline-store";
import { KeysHint } from "../_components/keys-hint";
import { StudySession } from "../_components/study-session";

type Stored = { deckId: string | null; title: string };
type Loaded = { kind: "loading" } | { kind: "missing"; stored: Stored[] } | { kind: "ready"; userId: string; deckId: string | null; title: string; queue: StudyQueueJson };

async function loadFromDevice(): Promise<Loaded> {
  const deckId = new URLSearchParams(window.location.search).get("deck");
  const userId = await findLearner().catch(() => null);
  const pack = userId ? await loadPack(userId, deckId).catch(() => null) : null;
  if (!userId || !pack) return { kind: "missing", stored: userId ? await listPacks(userId).catch(() => []) : [] };
  return { kind: "ready", userId, deckId, title: pack.title, queue: buildOfflineQueue(pack, new Date()) };
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
        <p>These cards are not stored on this device yet. Open them once while online, then they work offline too.</p>
        {loaded.stored.length > 0 && (
          <nav aria-label="Stored on this device">
            <ul className="flex flex-col gap-2">
              {loaded.stored.map((entry) => (
                <li key={entry.deckId ?? "*"}>
                  {/* A full page load, so the service worker answers it even with no network. */}
                  <a href={entry.deckId ? `/study?deck=${encodeURIComponent(entry.deckId)}` : "/study"} className="font-semibold text-brand underline">
                    Review {entry.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <Link href="/decks" className="font-semibold text-brand underline">Go to your decks</Link>
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
