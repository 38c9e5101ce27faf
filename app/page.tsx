import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { TryAsGuestButton } from "./_components/try-as-guest-button";

export default async function HomePage() {
  if (await getSessionUser()) redirect("/dashboard");
  return (
    <section className="flex flex-col gap-6 py-8">
      <h1 className="text-3xl font-bold leading-tight">Remember what matters about NATO.</h1>
      <p className="max-w-prose text-lg text-muted">
        Flashcards and quizzes built from reports on NATO ministerial meetings and summits, scheduled with FSRS so you review each fact just before you would
        forget it. Teachers build decks and follow their classes.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/signup" className="min-h-12 rounded-lg bg-brand px-5 py-3 font-semibold text-brand-ink">
          Create account
        </Link>
        <Link href="/signin" className="min-h-12 rounded-lg border border-line px-5 py-3 font-semibold">
          Sign in
        </Link>
        <TryAsGuestButton />
      </div>
    </section>
  );
}
