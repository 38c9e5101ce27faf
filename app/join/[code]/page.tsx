import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { JoinForm } from "../join-form";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinWithCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Only the code's shape is shown back; whether a class has it is checked when the student presses Join.
  const prefill = code.replace(/[^A-Za-z0-9-]/g, "").slice(0, 40);
  await requireUser(`/join/${encodeURIComponent(prefill)}`);
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-4">
      <h1 className="text-2xl font-bold">Join a class</h1>
      <JoinForm initialCode={prefill} />
    </section>
  );
}
