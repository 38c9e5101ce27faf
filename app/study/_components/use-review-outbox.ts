import { useEffect, useRef, useState } from "react";
import { ReviewOutbox, type OutboxStatus } from "../../../lib/study/device/review-outbox";

const IDLE: OutboxStatus = { waiting: 0, saving: false, offline: false, retrying: false, unavailable: false, signedOut: false, saved: 0, held: [] };

/**
 * One outbox for this learner while the study screen is open: created on mount, its status mirrored into state,
 * stopped on unmount. `onStart` runs with each new outbox (a new `onStart` starts a new outbox, so keep it
 * stable with useCallback); `isCurrent` turns false once that outbox is replaced, so late async work can bow out.
 */
export function useReviewOutbox(userId: string, onStart: (box: ReviewOutbox, isCurrent: () => boolean) => void) {
  const [status, setStatus] = useState<OutboxStatus>(IDLE);
  const outboxRef = useRef<ReviewOutbox | null>(null);
  useEffect(() => {
    const box = new ReviewOutbox(userId);
    outboxRef.current = box;
    const unsubscribe = box.subscribe(() => setStatus(box.getStatus()));
    onStart(box, () => outboxRef.current === box);
    return () => {
      unsubscribe();
      box.stop();
    };
  }, [userId, onStart]);
  return { outboxRef, status };
}
