import { findPersonIn } from "./gazetteer";

/** Who is talking in a transcript block: only the principal's answers are fact material. */
export type SpeakerRole = "principal" | "question" | "moderation";

const MAX_LABEL_LENGTH = 80;
const PRINCIPAL_TITLE = /\b(?:Secretary[- ]General|Secretary of State|Minister|President|Chancellor|Ambassador|High Representative)\b/;

/**
 * Classifies a transcript speaker label such as "NATO Secretary General", "Sabine Siebold (Reuters)"
 * or "Acting NATO Spokesperson"; any other line returns undefined.
 */
export function classifySpeakerLabel(line: string): SpeakerRole | undefined {
  if (line.length > MAX_LABEL_LENGTH || /[.!?;:,]$/.test(line) || line.split(/\s+/).length > 10) return undefined;
  if (/\b(?:Spokesperson|Moderator)\b/i.test(line)) return "moderation";
  if (/^Question\b/i.test(line) || /^[\p{Lu}][\p{L}'’-]*(?: [\p{Lu}][\p{L}'’-]*)* \([^)]+\)$/u.test(line)) return "question";
  if (PRINCIPAL_TITLE.test(line) && !/\b(?:to|as|at|in|on|for)\b/.test(line)) return "principal";
  return undefined;
}

/** A transcript has questions and an identified principal; a lone "(Reuters)" dateline does not make one. */
export function isTranscript(roles: readonly (SpeakerRole | undefined)[]): boolean {
  return roles.includes("question") && roles.includes("principal") && roles.filter(Boolean).length >= 3;
}

/** Names the principal from their labels first, then from the header byline ("by NATO Secretary General Mark Rutte"). */
export function findPrincipalName(principalLabels: readonly string[], headerLines: readonly string[]): string | undefined {
  for (const line of [...principalLabels, ...headerLines]) {
    const found = findPersonIn(line);
    if (found) return found;
  }
  return undefined;
}
