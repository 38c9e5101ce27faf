import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";
import { JoinForm } from "../join-form";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinWithCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Only the code's shape is shown back; whether a class has it is checked when the student presses Join
  // (or creates the account), so this page cannot be used to find out which codes exist.
  const prefill = code.replace(/[^A-Za-z0-9-]/g, "").slice(0, 40);
  const user = await getSessionUser();
  const here = `/join/${encodeURIComponent(prefill)}`;
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-4">
      <h1 className="text-2xl font-bold">Join a class</h1>
      {user ? (
        <JoinForm initialCode={prefill} />
      ) : (
        <>
          <p>Your teacher shared this link so you can join their class. New here? Create an account and you will be in the class straight away.</p>
          <Link
            href={`/signup?join=${encodeURIComponent(prefill)}`}
            className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand px-4 font-semibold text-brand-ink"
          >
            Create an account and join
          </Link>
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(here)}`}
            className="inline-flex min-h-12 items-center justify-center rounded-lg border border-line px-4 font-semibold"
          >
            I have an account: sign in
          </Link>
        </>
      )}
    </section>
  );
}
