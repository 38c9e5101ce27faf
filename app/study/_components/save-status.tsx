import type { OutboxStatus } from "../../../lib/study/device/review-outbox";

const reviews = (count: number) => `${count} ${count === 1 ? "review" : "reviews"}`;

function describe(status: OutboxStatus): string {
  if (status.signedOut) return `Sign in again to sync ${reviews(status.waiting)}`;
  if (status.offline) return status.waiting > 0 ? `Offline: ${reviews(status.waiting)} waiting to sync` : "Offline: reviews are kept on this device";
  if (status.unavailable) return `Alliance Recall is temporarily unavailable: ${reviews(status.waiting)} safe on this device`;
  // Online but the send failed (no answer, server trouble): not "Offline", which would send the student looking at the wrong thing.
  if (status.retrying) return `Could not sync, retrying: ${reviews(status.waiting)} waiting`;
  if (status.saving || status.waiting > 0) return "Saving…";
  if (status.held.length > 0) return `${reviews(status.held.length)} not saved: see below`;
  return status.saved > 0 ? "Saved" : "";
}

/** Whether grades have reached the server, announced politely to screen readers; offline or failing it says so plainly. */
export function SaveStatus({ status }: { status: OutboxStatus }) {
  const warn = status.offline || status.retrying || status.signedOut || (status.held.length > 0 && status.waiting === 0);
  return (
    <p
      role="status"
      aria-live="polite"
      className={warn ? "min-h-6 rounded-lg border border-warn px-3 py-1 text-sm font-semibold text-warn" : "min-h-6 text-sm text-muted"}
    >
      {describe(status)}
    </p>
  );
}
