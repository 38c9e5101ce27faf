import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { JoinForm } from "./join-form";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinPage() {
  await requireUser("/join");
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-4">
      <h1 className="text-2xl font-bold">Join a class</h1>
      <JoinForm />
    </section>
  );
}
