import Link from "next/link";

/**
 * In the header on every page a guest sees: their progress lives on a guest account, which cannot sign back in,
 * until they make a real one. A pill in the header row rather than a banner, so it costs no height on the study screen.
 */
export function GuestNotice() {
  return (
    <Link
      href="/signup"
      aria-label="Guest: create an account to keep your progress"
      title="You are a guest. Create an account to keep your progress."
      className="inline-flex min-h-11 items-center"
    >
      <span className="rounded-full border border-brand px-2 py-0.5 font-semibold text-brand">Guest</span>
    </Link>
  );
}
