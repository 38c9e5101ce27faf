import type { Metadata } from "next";
import { requireTeacher } from "@/lib/auth/session";
import { NewDeckForm } from "./new-deck-form";

export const metadata: Metadata = { title: "New deck" };

export default async function NewDeckPage() {
  await requireTeacher("/teach/decks/new");
  return (
    <section className="mx-auto flex max-w-lg flex-col gap-4">
      <h1 className="text-2xl font-bold">New deck</h1>
      <NewDeckForm />
    </section>
  );
}
