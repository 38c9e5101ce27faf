import type { Metadata } from "next";
import { z } from "zod";
import { sameSitePath } from "@/lib/http/safe-path";
import { joinCodeFromPath, signUpPathFor } from "@/lib/signups/join-link";
import { signInErrorMessage } from "./sign-in-errors";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const searchSchema = z.object({ callbackUrl: z.string().optional().catch(undefined), error: z.string().optional().catch(undefined) });

const DEFAULT_LANDING = "/dashboard";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error } = searchSchema.parse(await searchParams);
  // Only same-site paths: an open redirect would let a phishing link bounce through us.
  const safeCallback = sameSitePath(callbackUrl, DEFAULT_LANDING);
  const joinCode = joinCodeFromPath(safeCallback);
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">{joinCode ? "Sign in to join your class" : "Sign in"}</h1>
      {joinCode && (
        <p className="mb-4 rounded-lg border border-line bg-surface p-3">
          You are joining a class with the code <span className="font-mono font-semibold">{joinCode}</span>. Sign in and you will be asked to confirm; new here?
          Create an account below and you will be in the class straight away.
        </p>
      )}
      <SignInForm callbackUrl={safeCallback} signUpPath={signUpPathFor(safeCallback, DEFAULT_LANDING)} initialError={signInErrorMessage(error)} />
    </section>
  );
}
