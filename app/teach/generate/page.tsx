import type { Metadata } from "next";
import Link from "next/link";
import { readEnv } from "@/lib/env";
import { requireTeacher } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listOwnedDecks } from "@/lib/decks/data";
import { AiAssistPanel } from "./ai-assist-panel";
import { GenerateForm } from "./generate-form";

export const metadata: Metadata = { title: "Generate cards" };

export default async function GeneratePage() {
  const teacher = await requireTeacher("/teach/generate");
  const decks = await listOwnedDecks(getDb(), teacher.id);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/teach" className="text-sm text-muted underline">
        Teach
      </Link>
      <h1 className="text-2xl font-bold">Generate cards</h1>
      <p className="text-muted">
        Paste a news report, press release or encyclopedia entry about NATO. The generator proposes cards, each with the sentence it came from; statements the
        sources disagree on are flagged. Accept, edit or reject each one, then save.
      </p>
      <GenerateForm decks={decks.map((deck) => ({ id: deck.id, name: deck.name }))} />
      {readEnv().aiAssist && <AiAssistPanel decks={decks.map((deck) => ({ id: deck.id, name: deck.name }))} />}
    </div>
  );
}
