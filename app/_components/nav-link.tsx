"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** True when `pathname` is the page `href` names or one below it (/decks for /decks and /decks/…). */
function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * A header link that marks the page the user is on with `aria-current="page"` and an underline. A client
 * component because the root layout, and with it the header, is not rendered again on client navigation.
 */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const current = isCurrent(usePathname(), href);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`inline-flex min-h-11 items-center px-1 font-medium underline-offset-4 hover:underline ${current ? "text-brand underline decoration-2" : ""}`}
    >
      {children}
    </Link>
  );
}
