import { isEnglish } from "./language";
import { splitIntoSentences } from "./nlp";
import { normalizeKey } from "./normalize";
import { classifySpeakerLabel, findPrincipalName, isTranscript, type SpeakerRole } from "./press-conference";

export type DropReason = "cruft" | "duplicate" | "heading" | "foreign-language" | "speaker-label" | "question" | "moderation";

/** A line cleaning removed, kept so callers can audit what was thrown away and why. */
export type DroppedLine = { reason: DropReason; text: string };

/** A sentence that survived cleaning; `speaker` is set for a press conference principal's lines. */
export type CleanSentence = { text: string; speaker?: string };

export type CleanedDocument = { sentences: CleanSentence[]; dropped: DroppedLine[]; principal?: string };

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";

// Page furniture seen on news sites, encyclopedias and transcript pages: widgets, bylines,
// captions and menus carry no facts, and a card built on them teaches nothing.
const CRUFT_PATTERNS: readonly RegExp[] = [
  /^(?:previous|next) (?:article|post|story)\b/i,
  /\bhow useful was this (?:article|post)\b/i,
  /\bclick on a star\b/i,
  /\baverage rating\b/i,
  /\bvote count\b/i,
  /\bno votes so far\b/i,
  /\bbe the first to rate\b/i,
  /^(?:latest|related|more on [\w .]+) news$/i,
  /^(?:menu|home|search|share|tweet|email|print|subscribe|sign in|log in|advertisement|tags|summary|contents|discussions?|avatar|article|agenda)$/i,
  /^top story/i,
  /^(?:quick|deep) looks?$/i,
  /^author/i,
  /\bno discussion added yet\b/i,
  /^start discussion\b/i,
  /^view discussions\b/i,
  /^ask to\b/i,
  /recently added/i,
  /\bbadge icon\b/i,
  /\bautomatically translated\b/i,
  /\bimage$/i,
  /\((?:[\w ]+ )?Photo\b[^)]*\)/i,
  /\bphoto(?:graph)?:\s/i,
  /^last updated\b/i,
  /^\(as delivered\)$/i,
  /^by [\p{Lu}]/u,
  /^[\p{Lu} .'-]+ \([\p{Lu}\p{N} .'-]+\)$/u,
  /^[\p{Lu}][\p{Lu} .'-]+$/u,
  new RegExp(`^(?:\\d{1,2} )?${MONTH} (?:\\d{1,2},? )?\\d{4}\\b[\\s\\d:.APM-]*$`, "i"),
  /^[^\p{L}\p{N}]*$/u,
  /\ball rights reserved\b/i,
  /\b(?:cookie|newsletter)s?\b.*\b(?:accept|subscribe|sign up)\b/i,
];

/** True for navigation, rating widgets, bylines, captions and other page furniture. */
export function isCruftText(text: string): boolean {
  return CRUFT_PATTERNS.some((pattern) => pattern.test(text));
}

const SMALL_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs"]);
const MIN_LINE_WORDS = 5;

/** Title Case lines without a full stop are section headings, not statements. */
function isTitleCaseHeading(line: string): boolean {
  if (/[.!?:"”’]$/.test(line)) return false;
  const words = line.split(/\s+/).filter((word) => /\p{L}/u.test(word) && !SMALL_WORDS.has(word.toLowerCase()));
  if (words.length < 3) return true;
  const capitalized = words.filter((word) => /^[^\p{L}]*\p{Lu}/u.test(word)).length;
  return capitalized / words.length >= 0.75;
}

/** Evens out typography so parsing, date reading and comparisons see one spelling. */
function normalizeSourceText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2009\u202f\t]/g, " ")
    .replace(/İ/g, "I")
    .replace(/–/g, "-")
    .replace(/(\p{L})’(\p{L})/gu, "$1'$2")
    .replace(/(\p{L}s)’(?=\s)/gu, "$1'");
}

type SourceLine = { text: string; bylineField: boolean };

/** Breaks the text into candidate lines: line breaks end sentences, and " \\ " separates byline fields. */
function splitLines(text: string): SourceLine[] {
  return normalizeSourceText(text)
    .split("\n")
    .flatMap((line) => {
      const fields = line.split(/ \\ /);
      return fields.map((field) => ({ text: tidyLine(field), bylineField: fields.length > 1 }));
    })
    .filter((line) => line.text.length > 0);
}

function tidyLine(line: string): string {
  return line
    .trim()
    .replace(/^[•●▪·*]\s*/, "")
    .replace(/^date\s+\d{4}-\d{2}-\d{2}\s+/i, "")
    .replace(/\s+/g, " ")
    .trim();
}

function judgeContentLine(line: SourceLine, seen: Set<string>): DropReason | undefined {
  const words = line.text.split(/\s+/).length;
  if (isCruftText(line.text) || (line.bylineField && words < MIN_LINE_WORDS)) return "cruft";
  const key = normalizeKey(line.text);
  if (seen.has(key)) return "duplicate";
  seen.add(key);
  if (words < MIN_LINE_WORDS || isTitleCaseHeading(line.text)) return "heading";
  if (!isEnglish(line.text)) return "foreign-language";
  return undefined;
}

/**
 * Splits kept lines into sentences in one pass: compromise ends a sentence at every line break, so
 * headlines without a full stop stay whole and never run into the next line.
 */
function splitSentences(lines: readonly string[]): string[] {
  return splitIntoSentences(lines.join("\n"));
}

/**
 * Keeps only fact-bearing English sentences: drops page furniture, repeated lines, headings,
 * other-language paragraphs and, in transcripts, reporters' questions and the moderator.
 */
export function cleanDocument(text: string): CleanedDocument {
  const lines = splitLines(text);
  const roles = lines.map((line) => classifySpeakerLabel(line.text));
  const transcript = isTranscript(roles);
  const principal = transcript
    ? findPrincipalName(
        lines.filter((_, i) => roles[i] === "principal").map((line) => line.text),
        lines.filter((line) => /^by\s/i.test(line.text)).map((line) => line.text),
      )
    : undefined;

  const kept: string[] = [];
  const dropped: DroppedLine[] = [];
  const seen = new Set<string>();
  let current: SpeakerRole = "principal";
  lines.forEach((line, i) => {
    const role = transcript ? roles[i] : undefined;
    if (role) {
      current = role;
      dropped.push({ reason: "speaker-label", text: line.text });
      return;
    }
    const reason = current === "principal" ? judgeContentLine(line, seen) : current;
    if (reason) {
      dropped.push({ reason, text: line.text });
      return;
    }
    kept.push(line.text);
  });
  // In a transcript every kept line is the principal's, so each sentence is attributed to them.
  const sentences = splitSentences(kept).map((text) => (principal ? { text, speaker: principal } : { text }));
  return principal ? { sentences, dropped, principal } : { sentences, dropped };
}
