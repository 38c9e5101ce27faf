import { z } from "zod";
import { State } from "ts-fsrs";
import { endOfStudyDay, studyDayKey } from "@/lib/srs/day";
import { buildStudyQueue } from "@/lib/srs/queue";
import { countedDay, moveDueCount } from "@/lib/srs/load-balance";
import { pacedNewCards } from "@/lib/srs/exam";
import { studySettingsSchema } from "@/lib/srs/settings";
import { dueCountsSchema, parseCardState, studyCardSchema, type CardAction, type CardStateJson, type StudyQueueJson } from "../schema";
import { toStudyCard } from "../queue/study-card";

/** Days of reviews and new cards a device keeps, so a few days without signal still have work in them. */
export const OFFLINE_DAYS = 3;
/** A ceiling on one pack, so a learner with a huge backlog still gets a pack a phone stores quickly. */
export const MAX_OFFLINE_CARDS = 600;

const packCardSchema = studyCardSchema.extend({ position: z.number().int(), deckId: z.string().optional() });
export type OfflineCard = z.infer<typeof packCardSchema>;

/** GET /api/study/offline: what a device needs to keep studying one scope (a deck, or everything) with no network. */
export const offlinePackSchema = z.object({
  deckId: z.string().nullable(),
  /** The study page's heading: the deck's name, or "All due cards". */
  title: z.string(),
  settings: studySettingsSchema,
  /** New cards started in the study day `day` outside exam decks, so the daily limit holds offline too. */
  newStarted: z.object({ day: z.string(), count: z.number().int().min(0) }),
  /**
   * Decks with an upcoming exam, whose new cards come at the exam's pace instead (lib/srs/exam pacedNewCards):
   * their cards not yet started, and how many were started in the study day `started.day`.
   */
  exams: z
    .array(
      z.object({
        deckId: z.string(),
        plan: z.object({ examDay: z.string(), targetRecall: z.number(), finishDaysBefore: z.number().int() }),
        unseen: z.number().int().min(0),
        started: z.object({ day: z.string(), count: z.number().int().min(0) }),
      }),
    )
    .default(() => []),
  cards: z.array(packCardSchema),
  /** The learner's reviews due on each study day when the pack was made, kept up to date by this device's grades. */
  dueCounts: dueCountsSchema,
});
export type OfflinePack = z.infer<typeof offlinePackSchema>;

const isNew = (card: OfflineCard) => !card.state || card.state.state === State.New;

/** Today's new cards from a stored pack: an exam deck's at its pace, the rest up to the daily limit, in deck order. */
function pickNewCards(pack: OfflinePack, now: Date): { picked: OfflineCard[]; waiting: boolean } {
  const today = studyDayKey(now, pack.settings);
  const fresh = pack.cards.filter(isNew).sort((a, b) => a.position - b.position);
  const examDecks = new Set(pack.exams.map((exam) => exam.deckId));
  const groups = [
    ...pack.exams.map((exam) => ({
      cards: fresh.filter((card) => card.deckId === exam.deckId),
      allowance: pacedNewCards(exam.plan, exam.unseen, exam.started.day === today ? exam.started.count : 0, now, pack.settings).allowance,
    })),
    {
      cards: fresh.filter((card) => !card.deckId || !examDecks.has(card.deckId)),
      allowance: Math.max(0, pack.settings.newCardsPerDay - (pack.newStarted.day === today ? pack.newStarted.count : 0)),
    },
  ];
  return { picked: groups.flatMap((group) => group.cards.slice(0, group.allowance)), waiting: groups.some((group) => group.cards.length > group.allowance) };
}

/** Today's study queue from a stored pack, ordered by the same lib/srs code the server uses. */
export function buildOfflineQueue(pack: OfflinePack, now: Date): StudyQueueJson {
  const { settings } = pack;
  const { picked, waiting: newWaiting } = pickNewCards(pack, now);
  const cards = [...pack.cards.filter((card) => !isNew(card)), ...picked];
  const states = new Map(cards.map((card) => [card.id, card.state ? parseCardState(card.state) : null]));
  const queue = buildStudyQueue({
    items: cards.map((card) => ({ cardId: card.id, state: states.get(card.id)!, suspended: false, buriedUntil: null, position: card.position })),
    now,
    daySettings: settings,
    newCardsPerDay: picked.length,
    newIntroducedToday: 0,
  });
  const byId = new Map(cards.map((card) => [card.id, card]));
  const endOfDay = endOfStudyDay(now, settings).getTime();
  // As on the server: new cards beyond today's share are due when the next study day starts.
  const later = [...pack.cards.filter((card) => !isNew(card)).map((card) => Date.parse(card.state!.due)), ...(newWaiting ? [endOfDay] : [])]
    .filter((due) => due >= endOfDay)
    .sort((a, b) => a - b)[0];
  return {
    cards: queue.cardIds.map((id) => toStudyCard(byId.get(id)!, states.get(id)!)),
    counts: queue.counts,
    settings,
    nextDue: later === undefined ? null : new Date(later).toISOString(),
    dueCounts: pack.dueCounts,
  };
}

/**
 * The pack after a review made on this device: the card's new state, its due day moved in the learner's load, and
 * one more new card started today if it was new.
 */
export function recordReviewInPack(
  pack: OfflinePack,
  cardId: string,
  before: CardStateJson | null,
  after: CardStateJson | null,
  reviewedAt: Date,
): OfflinePack {
  const card = pack.cards.find((entry) => entry.id === cardId);
  if (!card) return pack;
  const day = studyDayKey(reviewedAt, pack.settings);
  const wasNew = before === null || before.state === State.New;
  const nowNew = after === null || after.state === State.New;
  // Undo passes the states swapped, which gives the started card back.
  const change = wasNew && !nowNew ? 1 : !wasNew && nowNew ? -1 : 0;
  const startedOn = (started: { day: string; count: number }) => ({ day, count: Math.max(0, (started.day === day ? started.count : 0) + change) });
  const inExam = pack.exams.some((exam) => exam.deckId === card.deckId);
  const dayOf = (state: CardStateJson | null) => countedDay(state && parseCardState(state), pack.settings);
  return {
    ...pack,
    newStarted: inExam ? pack.newStarted : startedOn(pack.newStarted),
    exams: pack.exams.map((exam) =>
      exam.deckId === card.deckId ? { ...exam, unseen: Math.max(0, exam.unseen - change), started: startedOn(exam.started) } : exam,
    ),
    dueCounts: moveDueCount(pack.dueCounts, dayOf(before), dayOf(after)),
    cards: pack.cards.map((card) => (card.id === cardId ? { ...card, state: after } : card)),
  };
}

/** The pack after a bury, suspend or reset the server accepted: hidden cards leave it, a reset card is new again. */
export function withCardAction(pack: OfflinePack, cardId: string, action: CardAction): OfflinePack {
  if (action === "unsuspend" || action === "unbury") return pack;
  if (action === "reset") return { ...pack, cards: pack.cards.map((card) => (card.id === cardId ? { ...card, state: null } : card)) };
  return { ...pack, cards: pack.cards.filter((card) => card.id !== cardId) };
}

/**
 * The pack with the server's state of cards it just synced, except cards with reviews still waiting on this
 * device (graded again while the sync was on its way). Decided by what waits, not by review times: the device's
 * clock may be minutes off, and the server has already placed these reviews on its own.
 */
export function applySyncedStates(pack: OfflinePack, synced: { cardId: string; state: CardStateJson | null }[], waiting: ReadonlySet<string>): OfflinePack {
  const server = new Map(synced.map((entry) => [entry.cardId, entry.state]));
  return {
    ...pack,
    cards: pack.cards.map((card) => {
      const state = server.get(card.id);
      return state !== undefined && !waiting.has(card.id) ? { ...card, state } : card;
    }),
  };
}

type StartedCount = { day: string; count: number };
/** The day's count of new cards started: never lower than the device's own for the same day. */
const laterCount = (server: StartedCount, device: StartedCount): StartedCount =>
  device.day === server.day ? { day: server.day, count: Math.max(server.count, device.count) } : server;

const reviewedAt = (state: CardStateJson | null) => (state?.lastReview ? Date.parse(state.lastReview) : -Infinity);

/**
 * A freshly downloaded pack with what this device knows better: a card keeps the device's state while reviews of
 * it wait on this device (the server has not seen them), or when the server's copy predates a review the device
 * already has back from the server (the download was made before that sync). Synced states carry the server's
 * review times, so a phone clock set fast does not make its own states look newer. Today's new-card count never
 * goes down.
 */
export function mergeOfflinePacks(server: OfflinePack, device: OfflinePack | null, waiting: ReadonlySet<string>): OfflinePack {
  if (!device) return server;
  const local = new Map(device.cards.map((card) => [card.id, card.state]));
  return {
    ...server,
    newStarted: laterCount(server.newStarted, device.newStarted),
    // An exam deck's cards started on this device and not yet synced still count against its pace.
    exams: server.exams.map((exam) => {
      const mine = device.exams.find((entry) => entry.deckId === exam.deckId);
      return mine ? { ...exam, unseen: Math.min(exam.unseen, mine.unseen), started: laterCount(exam.started, mine.started) } : exam;
    }),
    cards: server.cards.map((card) => {
      const mine = local.get(card.id);
      return mine !== undefined && (waiting.has(card.id) || reviewedAt(mine) > reviewedAt(card.state)) ? { ...card, state: mine } : card;
    }),
  };
}
