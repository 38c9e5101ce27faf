import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { Sql } from "@/lib/db/sql";
import { createNewCardState, type StoredCardState } from "@/lib/srs/card-state";
import { gradeCard, type ReviewLogFields } from "@/lib/srs/grade";
import { mergeReviewEvents, traceReviews, type ReplayStep, type ReviewEvent } from "@/lib/srs/replay";
import type { StudySettings } from "@/lib/srs/settings";
import { balanceOnServer } from "../queue/due-load";
import { toPreviousStateJson, writeReview, type StateRow } from "./rows";
import { parseCardState, previousStateSchema, serializeCardState } from "../schema";
import { FSRS_STATE_SELECT, pickFsrsState } from "./state-row";

/** A review not yet in the log, to be written with the fields its place in the replay gives it. */
export type AddedReview = ReviewEvent & { durationMs: number; createdAt: Date };

type Flags = { suspended: boolean; buriedUntil: string | null; leech?: boolean };
type LoggedReview = ReviewEvent & { stored: ReviewLogFields; createdAt: Date; flags: Flags | null; previous: StoredCardState | null };
type HistoryEvent = (ReviewEvent & { added: AddedReview }) | (ReviewEvent & { logged: LoggedReview });

const LOG_SELECT = {
  id: true,
  rating: true,
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  lastElapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reviewedAt: true,
  createdAt: true,
  previousState: true,
  chosenInterval: true,
} as const;

const isFresh = (state: StoredCardState | null): state is StoredCardState => state !== null && state.reps === 0 && state.lastReview === null;

/**
 * The instants the card was reset to new (a fresh state that replaced history already written). A fresh row
 * made by burying or suspending a card never studied is not a reset: no review was logged before it.
 */
function findResets(logs: LoggedReview[], row: StoredCardState | null): number[] {
  const fresh = [...logs.map((log) => log.previous), row].filter(isFresh).map((state) => state.due.getTime());
  return [...new Set(fresh)].filter((at) => logs.some((log) => log.createdAt.getTime() < at)).sort((a, b) => a - b);
}

/**
 * The state the first stretch starts from: a card's first logged review may have found a fresh row made by
 * burying it unseen, and replaying from that row reproduces its log exactly; otherwise never studied.
 */
function findFirstStart(segment: HistoryEvent[]): StoredCardState | null {
  const first = mergeReviewEvents(segment)[0];
  return first && "logged" in first && isFresh(first.logged.previous) ? first.logged.previous : null;
}

/** Replays each stretch between resets from its fresh start; the last stretch gives the card's state now. */
function replayHistory(events: HistoryEvent[], resets: number[], settings: StudySettings) {
  const starts = [null, ...resets];
  const segments = starts.map(() => [] as HistoryEvent[]);
  for (const event of events) {
    const index = resets.filter((at) => at <= event.reviewedAt.getTime()).length;
    segments[index]!.push(event);
  }
  const steps: ReplayStep<HistoryEvent>[] = [];
  let final: StoredCardState | null = null;
  segments.forEach((segment, index) => {
    const resetAt = starts[index];
    const start = resetAt === null || resetAt === undefined ? findFirstStart(segment) : createNewCardState(new Date(resetAt));
    const traced = traceReviews(segment, settings, start, { easyDays: settings.easyDays });
    steps.push(...traced);
    final = traced.at(-1)?.result.next ?? start;
  });
  return { steps, final: final as StoredCardState | null };
}

function sameLog(a: ReviewLogFields, b: ReviewLogFields): boolean {
  return (Object.keys(b) as (keyof ReviewLogFields)[]).every((key) => {
    const left = a[key];
    const right = b[key];
    return left instanceof Date && right instanceof Date ? left.getTime() === right.getTime() : left === right;
  });
}

function samePrevious(a: StoredCardState | null, b: StoredCardState | null): boolean {
  return JSON.stringify(a && serializeCardState(a)) === JSON.stringify(b && serializeCardState(b));
}

/**
 * The day stored with a review: the device's, even where this replay could not use it (the server held another
 * history of the card), so a replay of the history the device saw lands where the device did; else the day the
 * server picked, which every later replay keeps.
 */
function keptChoice(used: number | null, event: ReviewEvent): number | null {
  return event.chosenInterval ?? used;
}

function toPreviousJson(before: StoredCardState | null, flags: Flags) {
  return before ? ({ ...serializeCardState(before), ...flags } satisfies Prisma.InputJsonObject) : Prisma.DbNull;
}

/**
 * The common case of a sync: one new review later than every review in the card's log. Replaying the log then
 * ends in the stored state graded once more, so the review is applied to the row without reading the log. Returns
 * undefined when the review lands inside the history, or the card has a fresh (reset or never studied) row whose
 * start the replay decides: then `rebuildCardHistory` must replay.
 */
export async function appendLatestReview(
  sql: Sql,
  userId: string,
  cardId: string,
  row: StateRow | null,
  added: AddedReview[],
  settings: StudySettings,
): Promise<StoredCardState | undefined> {
  const [review] = added;
  if (!review || added.length > 1) return undefined;
  // Strictly later: a review at the same instant is ordered by id in the replay and may belong before.
  if (row && (row.lastReview === null || review.reviewedAt.getTime() <= row.lastReview.getTime())) return undefined;
  const previous = row ? pickFsrsState(row) : null;
  const balance = await balanceOnServer(sql, userId, { ...review, reviewId: review.id, cardId }, previous, settings);
  const { next, log, chosenInterval } = gradeCard(previous, review.rating, review.reviewedAt, settings, balance);
  const previousState = row && toPreviousStateJson(row);
  await writeReview(
    sql,
    { id: review.id, userId, cardId, durationMs: review.durationMs, previousState, createdAt: review.createdAt },
    next,
    log,
    keptChoice(chosenInterval, review),
  );
  return next;
}

/**
 * Writes `added` into the card's log and makes the log and the card state equal to replaying every review once,
 * in review-time order, from the card's latest reset: later log rows get the "card before" fields their new place
 * gives them, and suspension and burial are left as they are. Returns the card's FSRS state (null if never studied).
 * Must run under the learner's study lock.
 */
export async function rebuildCardHistory(
  tx: Prisma.TransactionClient,
  userId: string,
  cardId: string,
  added: AddedReview[],
  settings: StudySettings,
): Promise<StoredCardState | null> {
  const [rows, row] = await Promise.all([
    tx.reviewLog.findMany({ where: { userId, cardId }, select: LOG_SELECT }),
    tx.cardState.findUnique({
      where: { userId_cardId: { userId, cardId } },
      select: { ...FSRS_STATE_SELECT, suspended: true, buriedUntil: true, leech: true },
    }),
  ]);
  const logged: LoggedReview[] = rows.map(({ id, previousState, createdAt, chosenInterval, ...stored }) => {
    const parsed = previousState === null ? null : previousStateSchema.parse(previousState);
    return {
      id,
      rating: stored.rating as ReviewLogFields["rating"],
      reviewedAt: stored.reviewedAt,
      chosenInterval,
      stored: { ...stored, rating: stored.rating as ReviewLogFields["rating"] },
      createdAt,
      flags: parsed && { suspended: parsed.suspended, buriedUntil: parsed.buriedUntil, leech: parsed.leech },
      previous: parsed && parseCardState(parsed),
    };
  });
  const current = row ? pickFsrsState(row) : null;
  const rowFlags: Flags = { suspended: row?.suspended ?? false, buriedUntil: row?.buriedUntil?.toISOString() ?? null, leech: row?.leech ?? false };
  const events: HistoryEvent[] = [
    ...logged.map((log) => ({ id: log.id, rating: log.rating, reviewedAt: log.reviewedAt, chosenInterval: log.chosenInterval, logged: log })),
    ...added.map((review) => ({ id: review.id, rating: review.rating, reviewedAt: review.reviewedAt, chosenInterval: review.chosenInterval, added: review })),
  ];
  const { steps, final } = replayHistory(events, findResets(logged, current), settings);

  for (const { event, before, result } of steps) {
    if ("added" in event) {
      await tx.reviewLog.create({
        data: {
          id: event.id,
          userId,
          cardId,
          ...result.log,
          durationMs: event.added.durationMs,
          previousState: toPreviousJson(before, rowFlags),
          chosenInterval: keptChoice(result.chosenInterval, event),
          createdAt: event.added.createdAt,
        },
      });
    } else if (
      !sameLog(event.logged.stored, result.log) ||
      !samePrevious(event.logged.previous, before) ||
      event.chosenInterval !== keptChoice(result.chosenInterval, event)
    ) {
      await tx.reviewLog.update({
        where: { id: event.id },
        data: {
          ...result.log,
          previousState: toPreviousJson(before, event.logged.flags ?? rowFlags),
          chosenInterval: keptChoice(result.chosenInterval, event),
        },
      });
    }
  }
  if (final && !samePrevious(current, final)) {
    const key = { userId_cardId: { userId, cardId } };
    await tx.cardState.upsert({ where: key, create: { userId, cardId, ...final }, update: final });
  }
  return final ?? current;
}
