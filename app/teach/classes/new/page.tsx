import type { Metadata } from "next";
import { requireTeacher } from "@/lib/auth/session";
import { NewClassForm } from "./new-class-form";

export const metadata: Metadata = { title: "New class" };

export default async function NewClassPage() {
  await requireTeacher("/teach/classes/new");
  return (
    <section className="mx-auto flex max-w-lg flex-col gap-4">
      <h1 className="text-2xl font-bold">New class</h1>
      <NewClassForm />
    </section>
  );
}
