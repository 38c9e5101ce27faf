import type { OutboxStatus } from "./review-outbox";

function describe(status: OutboxStatus): string {
  if (status.offline && status.waiting > 0) return `Offline: ${status.waiting} waiting`;
  if (status.saving || status.waiting > 0) return "Saving…";
  return status.saved > 0 ? "Saved" : "";
}

/** Whether grades have reached the server, announced politely to screen readers. */
export function SaveStatus({ status }: { status: OutboxStatus }) {
  const text = describe(status);
  return (
    <p role="status" aria-live="polite" className={status.offline ? "min-h-6 text-sm font-medium text-warn" : "min-h-6 text-sm text-muted"}>
      {text}
    </p>
  );
}
