import Link from "next/link";
import { getSessionUserForFrame } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

// Header links are small text, so each gets a 44 px tall target for thumbs.
const TAP = "inline-flex min-h-11 items-center";

export async function SiteHeader() {
  const user = await getSessionUserForFrame();
  return (
    <header className="border-b border-line bg-surface">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
        <Link href="/" className={`mr-auto text-base font-bold text-ink ${TAP}`}>
          Alliance Recall
        </Link>
        {user ? (
          <>
            <Link href="/dashboard" className={`font-medium hover:underline ${TAP}`}>Dashboard</Link>
            <Link href="/decks" className={`font-medium hover:underline ${TAP}`}>Decks</Link>
            {user.role === "TEACHER" && <Link href="/teach" className={`font-medium hover:underline ${TAP}`}>Teach</Link>}
            <Link href="/settings" className={`font-medium hover:underline ${TAP}`}>Settings</Link>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link href="/signin" className={`font-medium hover:underline ${TAP}`}>Sign in</Link>
            <Link href="/signup" className={`rounded-lg bg-brand px-3 font-semibold text-brand-ink ${TAP}`}>Create account</Link>
          </>
        )}
      </nav>
    </header>
  );
}
