// Shared class names for the teacher screens, so every control has the same 44 px minimum target.
export const primaryButton = "inline-flex min-h-11 items-center justify-center rounded-lg bg-brand px-4 font-semibold text-brand-ink disabled:opacity-60";
export const secondaryButton =
  "inline-flex min-h-11 items-center justify-center rounded-lg border border-line bg-surface px-4 font-semibold text-ink disabled:opacity-60";
export const dangerButton = "inline-flex min-h-11 items-center justify-center rounded-lg border border-again px-4 font-semibold text-again disabled:opacity-60";
export const inputClass = "min-h-11 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink";
export const labelClass = "text-sm font-semibold";
export const cardBox = "flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4";
