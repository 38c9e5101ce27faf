import type { Metadata } from "next";
import { z } from "zod";
import { sameSitePath } from "@/lib/http/safe-path";
import { signInErrorMessage } from "./sign-in-errors";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const searchSchema = z.object({ callbackUrl: z.string().optional().catch(undefined), error: z.string().optional().catch(undefined) });

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error } = searchSchema.parse(await searchParams);
  // Only same-site paths: an open redirect would let a phishing link bounce through us.
  const safeCallback = sameSitePath(callbackUrl, "/dashboard");
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">Sign in</h1>
      <SignInForm callbackUrl={safeCallback} initialError={signInErrorMessage(error)} />
    </section>
  );
}
