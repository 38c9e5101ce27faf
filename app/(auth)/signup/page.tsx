import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { TryAsGuestButton } from "@/app/_components/try-as-guest-button";
import { getSessionUser } from "@/lib/auth/session";
import { sameSitePath } from "@/lib/http/safe-path";
import { readJoinCode } from "@/lib/signups/schema";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

const searchSchema = z.object({
  join: z.string().max(40).optional().catch(undefined),
  callbackUrl: z.string().optional().catch(undefined),
});

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { join, callbackUrl } = searchSchema.parse(await searchParams);
  // Only the code's shape is checked here; whether a class has it is answered once the account is made,
  // so this page cannot be used to find out which codes exist.
  const joinCode = readJoinCode(join);
  const user = await getSessionUser();
  // Someone already signed in (not a guest, whose account this form upgrades) joins with the account they have.
  if (joinCode && user && !user.isGuest) redirect(`/join/${joinCode}`);
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-6">
      <div>
        <h1 className="mb-4 text-2xl font-bold">Create account</h1>
        {join !== undefined && !joinCode && (
          <p role="alert" className="mb-4 font-medium text-again">
            That join link looks incomplete. Check it with your teacher, or create an account without it.
          </p>
        )}
        <SignUpForm joinCode={joinCode} callbackUrl={callbackUrl === undefined ? undefined : sameSitePath(callbackUrl, "/decks")} />
      </div>
      {!joinCode && !user && <TryAsGuestButton />}
    </section>
  );
}
