import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getSessionUser();
  return (
    <header className="border-b border-line bg-surface">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm">
        <Link href="/" className="mr-auto text-base font-bold text-ink">
          Alliance Recall
        </Link>
        {user ? (
          <>
            <Link href="/dashboard" className="font-medium hover:underline">Dashboard</Link>
            <Link href="/decks" className="font-medium hover:underline">Decks</Link>
            {user.role === "TEACHER" && <Link href="/teach" className="font-medium hover:underline">Teach</Link>}
            <Link href="/settings" className="font-medium hover:underline">Settings</Link>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link href="/signin" className="font-medium hover:underline">Sign in</Link>
            <Link href="/signup" className="rounded-lg bg-brand px-3 py-2 font-semibold text-brand-ink">Create account</Link>
          </>
        )}
      </nav>
    </header>
  );
}
