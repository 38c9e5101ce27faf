import { isBuriedAt } from "@/lib/srs/availability";

/** Why a card is kept out of study, if it is: card views say so (and until when) rather than showing "New". */
export type HiddenStatus = { kind: "suspended" } | { kind: "buried"; until: Date } | null;

export function findHiddenStatus(row: { suspended: boolean; buriedUntil: Date | null } | null | undefined, now: Date): HiddenStatus {
  if (row?.suspended) return { kind: "suspended" };
  if (row?.buriedUntil && isBuriedAt(row.buriedUntil, now)) return { kind: "buried", until: row.buriedUntil };
  return null;
}
