import type { Metadata } from "next";
import { OfflineStudy } from "./offline-study";

export const metadata: Metadata = { title: "Study" };

/**
 * The study page as the service worker keeps it: no server data in it, so it can stand in for /study and
 * /study?deck=ID while offline, studying from what this device stored in IndexedDB.
 */
export default function OfflineStudyPage() {
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <OfflineStudy />
    </section>
  );
}
