import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { StoredCardState } from "@/lib/srs/card-state";
import { gradeCard, type ReviewRating } from "@/lib/srs/grade";
import { reviewSettingsSchema } from "@/lib/srs/settings";

const NO_FUZZ = reviewSettingsSchema.parse({ enableFuzz: false });

/** A learner (or teacher) with the given settings. */
export function createUser(db: Db, email: string, fields: { timeZone?: string; dayStartHour?: number; newCardsPerDay?: number } = {}) {
  return db.user.create({ data: { email, name: email.split("@")[0]!, ...fields }, select: { id: true } });
}

/** A deck with one QA card per tag list given. */
export async function createDeck(db: Db, ownerId: string, name: string, cardTags: string[][], isPublic = false) {
  const deck = await db.deck.create({ data: { ownerId, name, isPublic }, select: { id: true } });
  const cards = [];
  for (const [position, tags] of cardTags.entries()) {
    cards.push(
      await db.card.create({
        data: { deckId: deck.id, kind: "QA", prompt: `${name} question ${position}`, answer: `Answer ${position}`, tags, position },
        select: { id: true },
      }),
    );
  }
  return { deckId: deck.id, cardIds: cards.map((card) => card.id) };
}

/** Grades a card through lib/srs and stores the log rows and final state, as the study screen would. */
export async function recordReviews(db: Db, userId: string, cardId: string, grades: { rating: ReviewRating; at: Date; durationMs?: number }[]) {
  let state: StoredCardState | null = null;
  for (const grade of grades) {
    const { next, log } = gradeCard(state, grade.rating, grade.at, NO_FUZZ);
    await db.reviewLog.create({ data: { id: randomUUID(), userId, cardId, ...log, durationMs: grade.durationMs ?? 6_000 } });
    state = next;
  }
  if (state) await db.cardState.create({ data: { userId, cardId, ...state } });
  return state;
}
