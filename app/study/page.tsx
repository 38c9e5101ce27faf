import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findStudiableDeck } from "@/lib/study/access";
import { loadStudyQueue } from "@/lib/study/data";
import { queueQuerySchema } from "@/lib/study/schema";
import { KeysHint } from "./_components/keys-hint";
import { StudySession } from "./_components/study-session";

export const metadata: Metadata = { title: "Study" };

/** /study?deck=ID studies one deck; /study alone studies everything due. */
export default async function StudyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = queueQuerySchema.safeParse({ deck: (await searchParams).deck });
  if (!query.success) notFound();
  const deckId = query.data.deck ?? null;
  const user = await requireUser(deckId ? `/study?deck=${encodeURIComponent(deckId)}` : "/study");
  const db = getDb();
  const deck = deckId ? await findStudiableDeck(db, user.id, deckId) : null;
  if (deckId && !deck) notFound();
  const queue = await loadStudyQueue(db, user.id, { deckId: deck?.id, now: new Date() });
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-xl font-bold break-words">{deck ? deck.name : "All due cards"}</h1>
      <StudySession initial={queue} deckId={deck?.id ?? null} userId={user.id} />
      <KeysHint />
    </section>
  );
}
