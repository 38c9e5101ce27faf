import Link from "next/link";
import { getSessionUserForFrame } from "@/lib/auth/session";
import { isTeacher } from "@/lib/auth/teacher";
import { GuestNotice } from "./guest-notice";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

// Header links are small text, so each gets a 44 px tall target for thumbs.
const TAP = "inline-flex min-h-11 items-center";

/**
 * One row at 390 px: signed in, the app's name gives way below the `sm` breakpoint to the page links and
 * Sign out (the Dashboard link is the way home there). Guests also see a "Guest" marker that leads to sign-up.
 */
export async function SiteHeader() {
  const user = await getSessionUserForFrame();
  return (
    <header className="border-b border-line bg-surface">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-1 px-3 py-2 text-sm sm:gap-3 sm:px-4">
        <Link href="/" className={`mr-auto text-base font-bold text-ink ${TAP} ${user ? "max-sm:hidden" : ""}`}>
          Alliance Recall
        </Link>
        {user ? (
          <>
            <NavLink href="/dashboard">Dashboard</NavLink>
            <NavLink href="/decks">Decks</NavLink>
            {isTeacher(user) && <NavLink href="/teach">Teach</NavLink>}
            <NavLink href="/settings">Settings</NavLink>
            <span className="ml-auto flex items-center gap-1 sm:ml-0 sm:gap-3">
              {user.isGuest && <GuestNotice />}
              <SignOutButton isGuest={user.isGuest} />
            </span>
          </>
        ) : (
          <>
            <Link href="/signin" className={`font-medium hover:underline ${TAP}`}>
              Sign in
            </Link>
            <Link href="/signup" className={`rounded-lg bg-brand px-3 font-semibold text-brand-ink ${TAP}`}>
              Create account
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
