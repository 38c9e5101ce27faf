/** The keyboard shortcuts, for wide screens where a keyboard is likely. */
export function KeysHint() {
  return <p className="hidden text-sm text-muted sm:block">Keys: Space or Enter shows the answer, 1–4 grade, Z undoes.</p>;
}
