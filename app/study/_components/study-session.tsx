"use client";
import { useCallback, useEffect, useRef, useState, type SetStateAction } from "react";
import { CardFace } from "@/app/_components/card-face";
import { cacheStudyShell } from "@/app/_components/service-worker";
import { studyDayKey } from "@/lib/srs/day";
import type { ReviewRating } from "@/lib/srs/grade";
import { createClientId } from "@/lib/study/device/client-id";
import { buildOfflineQueue, recordReviewInPack, withCardAction } from "@/lib/study/device/offline-pack";
import { describeLeech } from "@/lib/srs/leech";
import { countedDay, moveDueCount } from "@/lib/srs/load-balance";
import { parseCardState, type CardAction, type StudyCard, type StudyQueueJson } from "@/lib/study/schema";
import { answerLabels, countQueue, gradeLocally, type IntervalLabels } from "@/lib/study/device/session";
import { AnswerBar } from "./answer-bar";
import { CardInteraction, type Attempt } from "./card-interaction";
import { CardOptions } from "./card-options";
import { HeldReviews } from "./held-reviews";
import { loadPack, loadSession, rememberLearner, storeFreshPack, updatePacks, type StoredSession } from "../../../lib/study/device/offline-store";
import type { PendingReview, ReviewOutbox } from "../../../lib/study/device/review-outbox";
import { SaveStatus } from "./save-status";
import { SessionProgress } from "./session-progress";
import { SessionSummary } from "./session-summary";
import { fetchOfflinePack, fetchQueue, requestCardAction, requestUndo } from "../../../lib/study/device/study-api";
import { useReviewOutbox } from "./use-review-outbox";
import { useStudyKeys } from "./use-study-keys";

/** One grade of this session: enough to show the summary and, while `undoable`, to put the card back. Kept on the device too. */
type Graded = StoredSession["graded"][number];
/** One bury, suspend or reset the server accepted, with the id that takes it back and when it was done. */
type Acted = { action: CardAction; actionId: string; queueBefore: StudyCard[]; at: number; undoable: boolean };

const ACTION_NAMES: Record<CardAction, string> = { bury: "Bury", unbury: "Unbury", suspend: "Suspend", reset: "Reset", unsuspend: "Unsuspend" };
const DONE: Record<CardAction, string> = {
  bury: "Buried until tomorrow.",
  unbury: "Unburied.",
  suspend: "Suspended. Unsuspend it from the deck's page.",
  unsuspend: "Unsuspended.",
  reset: "Reset to new.",
};
const UNDONE: Record<"grade" | CardAction, string> = {
  grade: "Review undone.",
  bury: "Bury undone.",
  unbury: "Unbury undone.",
  suspend: "Suspend undone.",
  unsuspend: "Unsuspend undone.",
  reset: "Reset undone.",
};

/** The session's last step, grade or card action: Undo always takes back that one. */
function lastStep(graded: readonly Graded[], acted: readonly Acted[]): { kind: "grade"; step: Graded } | { kind: "action"; step: Acted } | undefined {
  const grade = graded.at(-1);
  const action = acted.at(-1);
  if (action && (!grade || action.at >= Date.parse(grade.review.reviewedAt))) return { kind: "action", step: action };
  return grade ? { kind: "grade", step: grade } : undefined;
}

/**
 * Keeps this scope studiable offline: stores the next few days of cards in IndexedDB (keeping what this device
 * reviewed since) and has the service worker cache the offline study page. True once both are done.
 */
async function prepareOfflineStudy(userId: string, deckId: string | null): Promise<boolean> {
  const fresh = await fetchOfflinePack(deckId);
  if (!fresh) return false;
  await storeFreshPack(userId, fresh);
  return cacheStudyShell();
}

/**
 * The review loop. The queue lives here; grades are scheduled on the device with lib/srs, written to IndexedDB
 * (review, stored deck and session in one transaction) before the next card shows, and sent in the background
 * through the outbox, online or not. `fromDevice`
 * says the queue was built from this device's copy (the offline page) rather than by the server.
 */
export function StudySession(props: { title: string; initial: StudyQueueJson; deckId: string | null; userId: string; fromDevice?: boolean }) {
  const { title, initial, deckId, userId, fromDevice = false } = props;
  const [queue, setQueue] = useState(initial.cards);
  const [acted, setActed] = useState<Acted[]>([]);
  const [toast, setToast] = useState<string | null>(null);
  const cardArea = useRef<HTMLDivElement | null>(null);
  const [graded, setGradedState] = useState<Graded[]>([]);
  // The latest list, for callbacks that write it to the device before React has re-rendered.
  const gradedNow = useRef<Graded[]>([]);
  const setGraded = useCallback((list: Graded[]) => {
    gradedNow.current = list;
    setGradedState(list);
  }, []);
  // Today's earlier grades in this scope, read from the device at start; a grade waits for them so none is dropped.
  const restoring = useRef<Promise<void>>(Promise.resolve());
  // Set when an answer is shown, cleared when a card is (re)presented: the id its grade will carry, and the buttons'
  // intervals, which are what each grade would schedule at that moment, on the day load balancing picks for it.
  const [shown, setShown] = useState<{ cardId: string; reviewId: string; labels: IntervalLabels } | null>(null);
  const [suggested, setSuggested] = useState<ReviewRating | null>(null);
  // Bumped whenever a card is (re)presented, so its interaction state starts fresh even for the same card.
  const [presentation, setPresentation] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  // A grade is being written to the device: further taps wait for the next card.
  const writing = useRef(false);
  const presentedAt = useRef(0);
  // The learner's load by study day, moved by each grade and undo here, for the device's load balancing.
  const dueCounts = useRef(initial.dueCounts);
  const settings = initial.settings;
  const card = queue[0];
  const revealed = card !== undefined && shown?.cardId === card.id;

  const present = useCallback((next: SetStateAction<StudyCard[]>) => {
    setQueue(next);
    setShown(null);
    setSuggested(null);
    setPresentation((count) => count + 1);
    presentedAt.current = Date.now();
  }, []);

  const reload = useCallback(async () => {
    const fresh = await fetchQueue(deckId);
    if (!fresh) return setNotice("Could not reload your cards. Check your connection.");
    setGraded(gradedNow.current.map((entry) => ({ ...entry, undoable: false })));
    setActed((list) => list.map((entry) => ({ ...entry, undoable: false })));
    dueCounts.current = fresh.dueCounts;
    present(fresh.cards);
    setNotice("That review could not be taken back here, so your cards were reloaded from the server.");
  }, [deckId, present, setGraded]);

  // Each new outbox (on mount) picks up where this device left off.
  const resume = useCallback(
    (box: ReviewOutbox, isCurrent: () => boolean) => {
      presentedAt.current = Date.now();
      void rememberLearner(userId, deckId);
      // Today's session in this scope so far, from before a reload or a closed app: progress and undo carry on.
      restoring.current = loadSession(userId, deckId, studyDayKey(new Date(), settings)).then(
        (session) => {
          const mine = gradedNow.current;
          if (session && isCurrent())
            setGraded([...session.graded.filter((entry) => !mine.some((own) => own.review.reviewId === entry.review.reviewId)), ...mine]);
        },
        () => undefined,
      );
      void (async () => {
        // The server's queue cannot know reviews still waiting on this device; this device's copy does.
        const waiting = await box.listWaiting();
        const stored = !fromDevice && waiting.length > 0 ? await loadPack(userId, deckId) : null;
        if (stored && isCurrent()) {
          setQueue((current) => (current === initial.cards ? buildOfflineQueue(stored, new Date()).cards : current));
          // The stored load counts this device's grades the server has not seen yet.
          dueCounts.current = stored.dueCounts;
        }
        if (navigator.onLine) setOfflineReady(await prepareOfflineStudy(userId, deckId));
      })();
    },
    [userId, deckId, fromDevice, initial.cards, settings, setGraded],
  );
  const { outboxRef, status } = useReviewOutbox(userId, resume);

  // A new card starts from its top; a revealed one keeps its answer and explanation in view above the thumb bar
  // (the back's scroll margin is the bar's height).
  useEffect(() => {
    const behavior = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
    if (!revealed) {
      if ((cardArea.current?.getBoundingClientRect().top ?? 0) < 0) window.scrollTo({ top: 0, behavior });
      return;
    }
    cardArea.current?.querySelector<HTMLElement>("[data-card-back]")?.scrollIntoView({ block: "nearest", behavior });
  }, [revealed, presentation]);

  const reveal = useCallback(
    (attempt?: Attempt) => {
      if (!card) return;
      const reviewId = createClientId();
      setShown({ cardId: card.id, reviewId, labels: answerLabels(card, new Date(), settings, { reviewId, dueCounts: dueCounts.current }) });
      setSuggested(attempt ? (attempt.correct ? 3 : 1) : null);
    },
    [card, settings],
  );

  const grade = useCallback(
    async (rating: ReviewRating) => {
      const box = outboxRef.current;
      if (!card || !revealed || !box || writing.current) return;
      const now = new Date();
      const { reviewId } = shown;
      const local = gradeLocally(card, rating, now, settings, { reviewId, dueCounts: dueCounts.current });
      const { card: next, comesBack: due, leech } = local;
      const review: PendingReview = {
        reviewId,
        cardId: card.id,
        rating,
        reviewedAt: now.toISOString(),
        durationMs: Math.max(0, now.getTime() - presentedAt.current),
        chosenInterval: local.chosenInterval,
      };
      dueCounts.current = local.dueCounts;
      // A leech the learner chose to suspend leaves the session, as it leaves the server's queue.
      const comesBack = due && !(leech && settings.suspendLeeches);
      writing.current = true;
      try {
        await restoring.current;
        const list = [...gradedNow.current, { review, before: card, nextDue: comesBack ? null : (next.state?.due ?? null), undoable: true }];
        await box.add(review, {
          deckId,
          cardId: card.id,
          pack: (pack) => recordReviewInPack(pack, card.id, card.state, next.state, now),
          session: { day: studyDayKey(now, settings), graded: list },
        });
        setGraded(list);
      } finally {
        writing.current = false;
      }
      present(comesBack ? [...queue.slice(1), next] : queue.slice(1));
      setNotice(leech ? describeLeech(settings) : null);
      setToast(null);
    },
    [card, shown, revealed, queue, settings, present, deckId, setGraded, outboxRef],
  );

  const undo = useCallback(async () => {
    const last = lastStep(gradedNow.current, acted);
    const box = outboxRef.current;
    if (!last?.step.undoable || !box) return;
    if (last.kind === "action") {
      const { step } = last;
      setActed((list) => list.filter((entry) => entry !== step));
      present(step.queueBefore);
      setToast(UNDONE[step.action]);
      const restored = await requestUndo({ actionId: step.actionId });
      if (!restored) return reload();
      setQueue((current) => (current[0]?.id === restored.id ? [restored, ...current.slice(1)] : current));
      // The device's stored deck dropped (or reset) the card; the server's copy has it back as it was.
      if (navigator.onLine) void prepareOfflineStudy(userId, deckId);
      return;
    }
    const rest = gradedNow.current.slice(0, -1);
    const { before, review } = last.step;
    setGraded(rest);
    setToast(UNDONE.grade);
    present([before, ...queue.filter((entry) => entry.id !== before.id)]);
    const gradedAt = new Date(review.reviewedAt);
    // The grade's due day leaves the load (a card back later today was due on the day it was graded).
    const afterDay = studyDayKey(last.step.nextDue ? new Date(last.step.nextDue) : gradedAt, settings);
    dueCounts.current = moveDueCount(dueCounts.current, afterDay, countedDay(before.state && parseCardState(before.state), settings));
    const taken = await box.takeBack(review.reviewId, {
      deckId,
      cardId: before.id,
      pack: (pack) => recordReviewInPack(pack, before.id, pack.cards.find((entry) => entry.id === before.id)?.state ?? null, before.state, gradedAt),
      session: { day: studyDayKey(new Date(), settings), graded: rest },
    });
    if (taken !== "sent") return;
    const restored = await requestUndo({ reviewId: review.reviewId });
    if (!restored) return reload();
    setQueue((current) => (current[0]?.id === restored.id ? [restored, ...current.slice(1)] : current));
  }, [acted, queue, present, reload, userId, deckId, settings, setGraded, outboxRef]);

  // Offline these are refused rather than queued, and the card stays where it is until the server has agreed.
  const act = useCallback(
    async (action: CardAction) => {
      if (!card) return;
      const queueBefore = queue;
      setNotice(null);
      if (!navigator.onLine) return setToast(`${ACTION_NAMES[action]} needs the network, so this card stays here. Your reviews are kept on this device.`);
      const actionId = await requestCardAction(card.id, action);
      if (!actionId) return setToast(`${ACTION_NAMES[action]} did not work, so this card stays here. Check your connection and try again.`);
      present((current) => (current[0]?.id === card.id ? current.slice(1) : current));
      setActed((list) => [...list, { action, actionId, queueBefore, at: Date.now(), undoable: true }]);
      setToast(DONE[action]);
      void updatePacks(userId, (pack) => withCardAction(pack, card.id, action));
    },
    [card, queue, present, userId],
  );

  useStudyKeys({ reveal, grade, undo, revealed, hasCard: Boolean(card), suggested });

  const canUndo = lastStep(graded, acted)?.step.undoable ?? false;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-start justify-between gap-x-2">
        <h1 className="min-w-0 py-2 text-lg font-bold break-words">{title}</h1>
        {card && <CardOptions onAction={(action) => void act(action)} />}
      </div>
      <SessionProgress counts={countQueue(queue)} done={graded.length} />
      {notice && (
        <p className="rounded-lg border border-line bg-surface p-3 text-sm">
          {notice}
          {notice === describeLeech(settings) && (
            <>
              {" "}
              <a href="/leeches" className="font-semibold text-brand underline">
                See your leeches
              </a>
              .
            </>
          )}
        </p>
      )}
      {status.held.length > 0 && (
        <HeldReviews held={status.held} onResend={(id) => void outboxRef.current?.resend(id)} onDiscard={(id) => void outboxRef.current?.discard(id)} />
      )}
      {card ? (
        // A tap anywhere on the card that is not one of its controls shows the answer (the bar's button and Space do too).
        <div
          ref={cardArea}
          onClick={(event) => {
            if (!revealed && !(event.target instanceof Element && event.target.closest("button, input, a, label, select, textarea"))) reveal();
          }}
          className={revealed ? "" : "cursor-pointer"}
        >
          <CardFace
            key={presentation}
            card={card}
            revealed={revealed}
            interaction={<CardInteraction card={card} showing={presentation} revealed={revealed} onAnswer={reveal} />}
          />
        </div>
      ) : (
        <SessionSummary
          timeZone={settings.timeZone}
          stats={{
            reviewed: graded.length,
            correct: graded.filter((entry) => entry.review.rating > 1).length,
            durationMs: graded.reduce((sum, entry) => sum + entry.review.durationMs, 0),
            nextDue: [initial.nextDue, ...graded.map((entry) => entry.nextDue)].filter((due): due is string => due !== null).sort()[0] ?? null,
          }}
        />
      )}
      {offlineReady && <p className="text-sm text-muted">Ready to review offline on this device.</p>}
      {/* Room to scroll the card's end above the thumb bar, which is fixed to the bottom of the screen. */}
      <div className="h-36" />
      <div className="fixed inset-x-0 bottom-0 z-10 border-t border-line bg-bg">
        <div className="mx-auto flex max-w-xl flex-col gap-2 px-4 pt-2 pb-[max(0.75rem,env(safe-area-inset-bottom))]">
          <div className="flex min-h-11 items-center justify-between gap-2">
            <div className="min-w-0 flex-1">
              <p role="status" aria-live="polite" className="text-sm font-medium break-words">
                {toast}
              </p>
              <SaveStatus status={status} />
            </div>
            <button
              type="button"
              onClick={() => void undo()}
              disabled={!canUndo}
              className="min-h-11 shrink-0 rounded-lg border border-line px-4 font-medium disabled:opacity-40"
            >
              Undo
            </button>
          </div>
          {card && (
            <AnswerBar
              revealed={revealed}
              intervals={revealed ? shown.labels : null}
              suggested={suggested}
              onShow={() => reveal()}
              onGrade={(rating) => void grade(rating)}
            />
          )}
        </div>
      </div>
    </div>
  );
}
