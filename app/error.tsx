"use client";
import Link from "next/link";

/**
 * A page that failed on the server. A database outage (digest DATABASE_UNAVAILABLE, from lib/db/availability) says
 * so and points to the device's study page; anything else offers a retry. The session is never touched here, and
 * this page cannot tell whether the visitor is signed in (proxy.ts's outage page can), so it does not say.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const outage = error.digest === "DATABASE_UNAVAILABLE";
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-xl font-bold">
        {outage ? "Alliance Recall is temporarily unavailable; your reviews are safe on this device." : "Something went wrong on our side."}
      </h1>
      <p>
        {outage
          ? "Nothing you did caused this, and nothing is lost. Reviews you make on this device are kept on it and sent when the service is back."
          : "Nothing you did caused this. Try again in a moment."}
      </p>
      {outage ? (
        <Link href="/study/offline" className="flex min-h-12 items-center justify-center rounded-xl bg-brand px-4 font-semibold text-brand-ink">
          Keep reviewing on this device
        </Link>
      ) : null}
      <button type="button" onClick={reset} className="min-h-12 rounded-xl border border-line px-4 font-semibold">
        Try again
      </button>
    </section>
  );
}
