"use client";
import { useState } from "react";
import type { CardAction } from "@/lib/study/schema";

type StudyAction = Extract<CardAction, "bury" | "suspend" | "reset">;

const OPTIONS: { action: StudyAction; label: string; hint: string }[] = [
  { action: "bury", label: "Bury", hint: "until tomorrow" },
  { action: "suspend", label: "Suspend", hint: "until you unsuspend it" },
  { action: "reset", label: "Reset", hint: "start over as a new card" },
];

/**
 * Less common per-card actions, folded away and kept far from the grade bar so they are not hit by accident.
 * The panel closes after an action (each one is undoable from its toast), and Reset asks first.
 */
export function CardOptions({ onAction }: { onAction: (action: StudyAction) => void }) {
  const [open, setOpen] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const close = () => {
    setOpen(false);
    setConfirmingReset(false);
  };
  const run = (action: StudyAction) => {
    close();
    onAction(action);
  };
  return (
    // Open, it takes a row of its own under the heading, so the actions get the screen's width.
    <div className={`flex flex-col items-end gap-2 text-sm ${open ? "w-full" : ""}`}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="card-options-panel"
        onClick={() => (open ? close() : setOpen(true))}
        className="min-h-11 px-2 text-muted underline-offset-2 hover:underline"
      >
        Card options
      </button>
      {open && (
        <div id="card-options-panel" className="flex w-full flex-wrap justify-end gap-2">
          {confirmingReset ? (
            <div role="group" aria-labelledby="reset-question" className="flex w-full flex-col gap-2 rounded-lg border border-again p-3">
              <p id="reset-question">Reset this card to new? Its schedule starts over; its review history is kept.</p>
              <div className="flex flex-wrap justify-end gap-2">
                <button type="button" onClick={() => setConfirmingReset(false)} className="min-h-11 rounded-lg border border-line px-3">
                  Keep the card
                </button>
                <button type="button" onClick={() => run("reset")} className="min-h-11 rounded-lg border-2 border-again px-3 font-semibold text-again">
                  Reset card
                </button>
              </div>
            </div>
          ) : (
            OPTIONS.map((option) => (
              <button
                key={option.action}
                type="button"
                onClick={() => (option.action === "reset" ? setConfirmingReset(true) : run(option.action))}
                className="min-h-11 rounded-lg border border-line px-3"
              >
                {option.label} <span className="text-muted">({option.hint})</span>
              </button>
            ))
          )}
        </div>
      )}
    </div>
  );
}
