import type { Metadata } from "next";
import { z } from "zod";
import { readJoinCode } from "@/lib/signups/schema";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

const searchSchema = z.object({ join: z.string().max(40).optional().catch(undefined) });

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { join } = searchSchema.parse(await searchParams);
  // Only the code's shape is checked here; whether a class has it is answered once the account is made,
  // so this page cannot be used to find out which codes exist.
  const joinCode = readJoinCode(join);
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">Create account</h1>
      {join !== undefined && !joinCode && (
        <p role="alert" className="mb-4 font-medium text-again">That join link looks incomplete. Check it with your teacher, or create an account without it.</p>
      )}
      <SignUpForm joinCode={joinCode} />
    </section>
  );
}
