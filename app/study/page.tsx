import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findStudiableDeck } from "@/lib/study/access";
import { loadStudyQueue } from "@/lib/study/data";
import { queueQuerySchema } from "@/lib/study/schema";
import { KeysHint } from "./_components/keys-hint";
import { NothingDue } from "./_components/nothing-due";
import { StudySession } from "./_components/study-session";

export const metadata: Metadata = { title: "Study" };

// `new=1`: the learner chose to learn new cards when nothing was due.
const pageQuerySchema = queueQuerySchema.extend({ new: z.literal("1").optional() });

/**
 * /study?deck=ID studies one deck; /study alone studies everything due, with today's new cards mixed in, but
 * when nothing is due it says so and starts new cards only if asked.
 */
export default async function StudyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const query = pageQuerySchema.safeParse({ deck: params.deck, new: params.new });
  if (!query.success) notFound();
  const deckId = query.data.deck ?? null;
  const user = await requireUser(deckId ? `/study?deck=${encodeURIComponent(deckId)}` : "/study");
  const db = getDb();
  const deck = deckId ? await findStudiableDeck(db, user.id, deckId) : null;
  if (deckId && !deck) notFound();
  const queue = await loadStudyQueue(db, user.id, { deckId: deck?.id, now: new Date() });
  const onlyNew = queue.counts.review + queue.counts.learning === 0 && queue.counts.new > 0;
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-3">
      {!deck && onlyNew && !query.data.new ? (
        <>
          <h1 className="text-lg font-bold">All due cards</h1>
          <NothingDue newCards={queue.counts.new} />
        </>
      ) : (
        <StudySession title={deck ? deck.name : "All due cards"} initial={queue} deckId={deck?.id ?? null} userId={user.id} />
      )}
      <KeysHint />
    </section>
  );
}
