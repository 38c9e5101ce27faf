"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { CardFace } from "@/app/_components/card-face";
import { cacheStudyShell } from "@/app/_components/service-worker";
import type { ReviewRating } from "@/lib/srs/grade";
import { createClientId } from "@/lib/study/client-id";
import { applySyncedStates, buildOfflineQueue, mergeOfflinePacks, recordReviewInPack, withCardAction } from "@/lib/study/offline-pack";
import type { CardAction, StudyCard, StudyQueueJson } from "@/lib/study/schema";
import { describeLeech } from "@/lib/srs/leech";
import { countQueue, gradeLocally } from "@/lib/study/session";
import { AnswerBar } from "./answer-bar";
import { CardInteraction, type Attempt } from "./card-interaction";
import { CardOptions } from "./card-options";
import { loadPack, rememberLearner, savePack, updatePacks } from "./offline-store";
import { ReviewOutbox, type OutboxStatus, type PendingReview } from "./review-outbox";
import { SaveStatus } from "./save-status";
import { SessionProgress } from "./session-progress";
import { SessionSummary } from "./session-summary";
import { fetchOfflinePack, fetchQueue, requestCardAction, requestUndo } from "./study-api";

/** One grade of this session: enough to show the summary and, while `undoable`, to put the queue back. */
type Graded = { review: PendingReview; queueBefore: StudyCard[]; nextDue: string | null; undoable: boolean };

const IDLE: OutboxStatus = { waiting: 0, saving: false, offline: false, signedOut: false, saved: 0 };

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * Keeps this scope studiable offline: stores the next few days of cards in IndexedDB (keeping what this device
 * reviewed since) and has the service worker cache the offline study page. True once both are done.
 */
async function prepareOfflineStudy(userId: string, deckId: string | null): Promise<boolean> {
  const [fresh, stored] = await Promise.all([fetchOfflinePack(deckId), loadPack(userId, deckId)]);
  if (!fresh) return false;
  await savePack(userId, mergeOfflinePacks(fresh, stored));
  return cacheStudyShell();
}

/**
 * The review loop. The queue lives here, so the next card shows at once; grades are scheduled on the device
 * with lib/srs, kept in IndexedDB and sent in the background through the outbox, online or not. `fromDevice`
 * says the queue was built from this device's copy (the offline page) rather than by the server.
 */
export function StudySession({ initial, deckId, userId, fromDevice = false }: { initial: StudyQueueJson; deckId: string | null; userId: string; fromDevice?: boolean }) {
  const [queue, setQueue] = useState(initial.cards);
  const [graded, setGraded] = useState<Graded[]>([]);
  const [revealed, setRevealed] = useState(false);
  const [suggested, setSuggested] = useState<ReviewRating | null>(null);
  // Bumped whenever a card is (re)presented, so its interaction state starts fresh even for the same card.
  const [presentation, setPresentation] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState<OutboxStatus>(IDLE);
  const [offlineReady, setOfflineReady] = useState(false);
  const outbox = useRef<ReviewOutbox | null>(null);
  const presentedAt = useRef(0);
  const settings = initial.settings;
  const card = queue[0];

  const present = useCallback((next: StudyCard[]) => {
    setQueue(next);
    setRevealed(false);
    setSuggested(null);
    setPresentation((count) => count + 1);
    presentedAt.current = Date.now();
  }, []);

  const reload = useCallback(async () => {
    const fresh = await fetchQueue(deckId);
    if (!fresh) return setNotice("Could not reload your cards. Check your connection.");
    setGraded((list) => list.map((entry) => ({ ...entry, undoable: false })));
    present(fresh.cards);
    setNotice("That review could not be taken back here, so your cards were reloaded from the server.");
  }, [deckId, present]);

  useEffect(() => {
    const box = new ReviewOutbox(userId, {
      onSynced: (cards) => void updatePacks(userId, (pack) => applySyncedStates(pack, cards)),
      onRefused: (message) => setNotice(message),
    });
    outbox.current = box;
    presentedAt.current = Date.now();
    const unsubscribe = box.subscribe(() => setStatus(box.getStatus()));
    void rememberLearner(userId);
    void (async () => {
      // The server's queue cannot know reviews still waiting on this device; this device's copy does.
      const waiting = await box.listWaiting();
      const stored = !fromDevice && waiting.length > 0 ? await loadPack(userId, deckId) : null;
      if (stored && outbox.current === box) setQueue((current) => (current === initial.cards ? buildOfflineQueue(stored, new Date()).cards : current));
      if (navigator.onLine) setOfflineReady(await prepareOfflineStudy(userId, deckId));
    })();
    return () => {
      unsubscribe();
      box.stop();
    };
  }, [userId, deckId, fromDevice, initial.cards]);

  const reveal = useCallback((attempt?: Attempt) => {
    setRevealed(true);
    setSuggested(attempt ? (attempt.correct ? 3 : 1) : null);
  }, []);

  const grade = useCallback(
    (rating: ReviewRating) => {
      if (!card || !revealed) return;
      const now = new Date();
      const review: PendingReview = {
        reviewId: createClientId(),
        cardId: card.id,
        rating,
        reviewedAt: now.toISOString(),
        durationMs: Math.max(0, now.getTime() - presentedAt.current),
      };
      const { card: next, comesBack: due, leech } = gradeLocally(card, rating, now, settings);
      // A leech the learner chose to suspend leaves the session, as it leaves the server's queue.
      const comesBack = due && !(leech && settings.suspendLeeches);
      setGraded((list) => [...list, { review, queueBefore: queue, nextDue: comesBack ? null : (next.state?.due ?? null), undoable: true }]);
      present(comesBack ? [...queue.slice(1), next] : queue.slice(1));
      setNotice(leech ? describeLeech(settings) : null);
      void outbox.current?.add(review);
      void updatePacks(userId, (pack) => recordReviewInPack(pack, card.id, card.state, next.state, now));
    },
    [card, revealed, queue, settings, present, userId],
  );

  const undo = useCallback(async () => {
    const last = graded.at(-1);
    if (!last?.undoable) return;
    setGraded((list) => list.slice(0, -1));
    present(last.queueBefore);
    const before = last.queueBefore[0];
    if (before) {
      const gradedAt = new Date(last.review.reviewedAt);
      void updatePacks(userId, (pack) => recordReviewInPack(pack, before.id, pack.cards.find((entry) => entry.id === before.id)?.state ?? null, before.state, gradedAt));
    }
    if ((await outbox.current?.takeBack(last.review.reviewId)) !== "sent") return;
    const restored = await requestUndo(last.review.reviewId);
    if (!restored) return reload();
    setQueue((current) => (current[0]?.id === restored.id ? [restored, ...current.slice(1)] : current));
  }, [graded, present, reload, userId]);

  const act = useCallback(
    async (action: CardAction) => {
      if (!card) return;
      present(queue.slice(1));
      const done = await requestCardAction(card.id, action);
      if (done) void updatePacks(userId, (pack) => withCardAction(pack, card.id, action));
      setNotice(done ? { bury: "Buried until tomorrow.", suspend: "Suspended.", reset: "Reset to new.", unsuspend: "Unsuspended." }[action] : "That did not work. Check your connection.");
    },
    [card, queue, present, userId],
  );

  // The latest handlers, read by one long-lived key listener.
  const keys = useRef({ reveal, grade, undo, revealed, hasCard: Boolean(card), suggested });
  useEffect(() => {
    keys.current = { reveal, grade, undo, revealed, hasCard: Boolean(card), suggested };
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const current = keys.current;
      if (event.key === "z" || event.key === "Z") return void current.undo();
      if (!current.hasCard) return;
      // Buttons handle their own Space/Enter; elsewhere they reveal, then accept the suggested grade (Good by default).
      if ((event.key === " " || event.key === "Enter") && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        if (current.revealed) current.grade(current.suggested ?? 3);
        else current.reveal();
      } else if (["1", "2", "3", "4"].includes(event.key) && current.revealed) {
        current.grade(Number(event.key) as ReviewRating);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const canUndo = graded.at(-1)?.undoable ?? false;

  return (
    <div className="flex flex-col gap-4">
      <SessionProgress counts={countQueue(queue)} done={graded.length} />
      <div className="flex items-center justify-between gap-2">
        <SaveStatus status={status} />
        <button type="button" onClick={() => void undo()} disabled={!canUndo} className="min-h-11 rounded-lg border border-line px-4 font-medium disabled:opacity-40">
          Undo
        </button>
      </div>
      {notice && (
        <p className="rounded-lg border border-line bg-surface p-3 text-sm">
          {notice}
          {notice === describeLeech(settings) && <> <a href="/leeches" className="font-semibold text-brand underline">See your leeches</a>.</>}
        </p>
      )}
      {card ? (
        <>
          <CardFace
            key={presentation}
            card={card}
            revealed={revealed}
            interaction={<CardInteraction card={card} showing={presentation} revealed={revealed} onAnswer={reveal} />}
          />
          <CardOptions onAction={(action) => void act(action)} />
          <AnswerBar revealed={revealed} intervals={card.intervals} suggested={suggested} onShow={() => reveal()} onGrade={grade} />
        </>
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
    </div>
  );
}
