"use client";

export type StoredScope = { deckId: string | null; title: string };

/** The study page kept on this device, for a scope: it loads from the service worker's copy, with or without a network. */
export const deviceStudyHref = (deckId: string | null) => (deckId ? `/study/offline?deck=${encodeURIComponent(deckId)}` : "/study/offline");

/** Links to the decks stored on this device, each opening the device's own study page (no server asked). */
export function StoredDeckLinks({ stored }: { stored: StoredScope[] }) {
  if (stored.length === 0) return null;
  return (
    <nav aria-label="Stored on this device">
      <ul className="flex flex-col gap-2">
        {stored.map((entry) => (
          <li key={entry.deckId ?? "*"}>
            {/* A full page load, which the service worker answers from its copy. */}
            <a href={deviceStudyHref(entry.deckId)} className="flex min-h-11 items-center font-semibold text-brand underline">
              Review {entry.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
