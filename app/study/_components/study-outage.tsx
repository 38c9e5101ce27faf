"use client";
import { useEffect, useState } from "react";
import { OUTAGE_MESSAGE } from "@/lib/db/availability";
import { findLearner, listPacks } from "../../../lib/study/device/offline-store";
import { deviceStudyHref, StoredDeckLinks, type StoredScope } from "./stored-deck-links";

type Device = { kind: "loading" } | { kind: "read"; asked: StoredScope | null; others: StoredScope[] };

async function readDevice(deckId: string | null): Promise<Device> {
  const learner = await findLearner().catch(() => null);
  const stored = learner ? await listPacks(learner.userId).catch(() => []) : [];
  return { kind: "read", asked: stored.find((scope) => scope.deckId === deckId) ?? null, others: stored.filter((scope) => scope.deckId !== deckId) };
}

/**
 * The study page while the database cannot be reached: what happened, the asked deck from this device when it is
 * stored here (else the decks that are), and a retry. The session and everything on the device are left alone.
 */
export function StudyOutage({ deckId }: { deckId: string | null }) {
  const [device, setDevice] = useState<Device>({ kind: "loading" });
  useEffect(() => {
    void readDevice(deckId).then(setDevice);
  }, [deckId]);
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-xl font-bold">{OUTAGE_MESSAGE}</h1>
      <p>You are still signed in. Reviews you make are kept on this device and sent when the service is back.</p>
      {device.kind === "loading" ? (
        <p role="status">Looking for your cards on this device…</p>
      ) : device.asked ? (
        <a
          href={deviceStudyHref(device.asked.deckId)}
          className="flex min-h-12 items-center justify-center rounded-xl bg-brand px-4 font-semibold text-brand-ink"
        >
          Review {device.asked.title} on this device
        </a>
      ) : (
        <>
          <p>{device.others.length > 0 ? "These cards are not stored on this device; these are:" : "No cards are stored on this device yet."}</p>
          <StoredDeckLinks stored={device.others} />
        </>
      )}
      <button type="button" onClick={() => window.location.reload()} className="min-h-12 rounded-xl border border-line px-4 font-semibold">
        Try again
      </button>
    </section>
  );
}
