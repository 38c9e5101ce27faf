import Link from "next/link";

/** The way into a class for a student who has a code but no link (Decks and Dashboard). */
export function JoinClassLink() {
  return (
    <Link href="/join" className="inline-flex min-h-11 items-center self-start rounded-lg border border-line px-4 font-semibold">
      Join a class
    </Link>
  );
}
