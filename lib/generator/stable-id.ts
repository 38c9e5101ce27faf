import { createHash } from "node:crypto";

/** Content-derived id: the same parts always give the same id, across runs and machines. */
export function computeStableId(prefix: string, parts: readonly string[]): string {
  const digest = createHash("sha256").update(parts.join("\u241f")).digest("hex");
  return `${prefix}_${digest.slice(0, 20)}`;
}
