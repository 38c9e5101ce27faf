import type { CardAction } from "@/lib/study/schema";

const OPTIONS: { action: CardAction; label: string; hint: string }[] = [
  { action: "bury", label: "Bury", hint: "until tomorrow" },
  { action: "suspend", label: "Suspend", hint: "until you unsuspend it" },
  { action: "reset", label: "Reset", hint: "start over as a new card" },
];

/** Less common per-card actions, folded away so they are not hit by accident. */
export function CardOptions({ onAction }: { onAction: (action: CardAction) => void }) {
  return (
    <details className="text-sm">
      <summary className="min-h-11 cursor-pointer py-2 text-muted">Card options</summary>
      <div className="flex flex-wrap gap-2">
        {OPTIONS.map((option) => (
          <button key={option.action} type="button" onClick={() => onAction(option.action)} className="min-h-11 rounded-lg border border-line px-3">
            {option.label} <span className="text-muted">({option.hint})</span>
          </button>
        ))}
      </div>
    </details>
  );
}
