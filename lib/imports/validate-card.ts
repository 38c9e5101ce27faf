import { cardContentSchema, type CardContentInput } from "@/lib/cards/schema";
import type { ImportedCard, ImportProblem } from "./schema";

const FIELD_LABEL: Record<string, string> = {
  prompt: "front",
  answer: "back",
  choices: "choices",
  explanation: "explanation",
  tolerance: "tolerance",
  tags: "tags",
  kind: "kind",
};

/**
 * Checks one card against its kind's rules and names the row and field that fail, so the teacher can fix the
 * file. Duplicate stable ids in one file are refused too: the second row would silently overwrite the first.
 */
export function collectCards(rows: { row: string; input: CardContentInput; stableId: string | null }[]): { cards: ImportedCard[]; problems: ImportProblem[] } {
  const cards: ImportedCard[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, string>();
  for (const { row, input, stableId } of rows) {
    const parsed = cardContentSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELD_LABEL[String(issue.path[0])] ?? "card";
        problems.push({ row, message: `${field}: ${issue.message}` });
      }
      continue;
    }
    if (stableId) {
      const first = seen.get(stableId);
      if (first) {
        problems.push({ row, message: `id "${stableId}" repeats ${first}.` });
        continue;
      }
      seen.set(stableId, row);
    }
    cards.push({ ...parsed.data, stableId });
  }
  return { cards, problems };
}
