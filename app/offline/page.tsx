import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Offline" };

/** What the service worker shows for a page it cannot fetch: study still works, the rest needs the network. */
export default function OfflinePage() {
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-xl font-bold">You are offline</h1>
      <p>This page needs a connection. Cards you opened recently can still be reviewed, and your reviews sync when you are back online.</p>
      <Link href="/study" className="flex min-h-12 items-center justify-center rounded-xl bg-brand px-4 font-semibold text-brand-ink">
        Review offline
      </Link>
    </section>
  );
}
