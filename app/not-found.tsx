import Link from "next/link";

/** Any address the app does not have: say so plainly and offer the two places a learner usually wants. */
export default function NotFound() {
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-xl font-bold">This page does not exist.</h1>
      <p>The link may be old or mistyped. Your decks and reviews are where you left them.</p>
      <Link href="/decks" className="flex min-h-12 items-center justify-center rounded-xl bg-brand px-4 font-semibold text-brand-ink">
        Go to your decks
      </Link>
      <Link href="/" className="flex min-h-12 items-center justify-center rounded-xl border border-line px-4 font-semibold">
        Home
      </Link>
    </section>
  );
}
