/** Whether a typed answer counts; `close` marks a one-letter slip in a longer word ("almost"). */
export type AnswerCheck = { correct: boolean; close?: boolean };

export type AnswerCheckOptions = {
  /** Compare as numbers; by default, whenever the expected answer reads as a number. */
  numeric?: boolean;
  /** Allowed absolute difference, in the expected answer's own scale (1 on "€20 billion" means ±1 billion). */
  tolerance?: number;
};

const CLOSE_WORD_MIN_LETTERS = 5;

const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

const SCALES = new Map<string, number>([
  ["k", 1e3],
  ["thousand", 1e3],
  ["m", 1e6],
  ["mn", 1e6],
  ["mln", 1e6],
  ["million", 1e6],
  ["millions", 1e6],
  ["b", 1e9],
  ["bn", 1e9],
  ["billion", 1e9],
  ["billions", 1e9],
  ["tn", 1e12],
  ["trillion", 1e12],
  ["trillions", 1e12],
]);

function foldLetters(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter);
}

function toWords(text: string): string[] {
  return (
    foldLetters(text)
      .replace(/&/g, " and ")
      // Apostrophes join ("People's" = "Peoples"); other punctuation separates ("North-Atlantic").
      .replace(/['’‘`´]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
      .split(" ")
      .filter((word) => word !== "" && word !== "the")
  );
}

type ParsedNumber = { value: number; scale: number; scaleGiven: boolean };

const NUMBER_PATTERN = /^([-−]?)(\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d*[.,]?\d+)\s*(.*)$/u;

function parseDigits(digits: string): number {
  // "2,032" and "2 032" group thousands; "3,5" is a decimal comma.
  return /^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(digits) ? Number(digits.replace(/[, ]/g, "")) : Number(digits.replace(",", "."));
}

function parseNumber(text: string): ParsedNumber | null {
  const cleaned = foldLetters(text)
    .replace(/[€$£¥%]/g, "")
    .replace(/\s+/gu, " ")
    .trim();
  const match = NUMBER_PATTERN.exec(cleaned);
  if (!match) return null;
  const [, sign, digits = "", rest = ""] = match;
  if (/\d/.test(rest)) return null;
  // Words after the number name a unit ("members", "per cent", "euros"); only a scale word changes the value.
  const scale = SCALES.get(rest.match(/^[a-z]+/)?.[0] ?? "");
  const magnitude = parseDigits(digits) * (scale ?? 1);
  return { value: sign ? -magnitude : magnitude, scale: scale ?? 1, scaleGiven: scale !== undefined };
}

function checkNumbers(expected: ParsedNumber, given: ParsedNumber, tolerance: number): boolean {
  const allowed = tolerance * expected.scale;
  const matches = (value: number) => Math.abs(value - expected.value) <= allowed + 1e-9 * Math.max(1, Math.abs(expected.value));
  // A bare "20" for "€20 billion" is read in the expected scale; an explicit wrong scale still fails.
  return matches(given.value) || (!given.scaleGiven && matches(given.value * expected.scale));
}

function measureEditDistance(a: string, b: string): number {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent swaps each cost one.
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => table[i]![j]!;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      table[i]![j] = best;
    }
  }
  return at(a.length, b.length);
}

function isOneSlipAway(expected: string[], given: string[]): boolean {
  if (expected.length !== given.length) return false;
  const differing = expected.flatMap((word, index) => (word === given[index] ? [] : [[word, given[index] ?? ""] as const]));
  if (differing.length !== 1) return false;
  const [expectedWord, givenWord] = differing[0]!;
  return expectedWord.length >= CLOSE_WORD_MIN_LETTERS && measureEditDistance(expectedWord, givenWord) === 1;
}

/** Checks a typed answer leniently: case, accents, punctuation, spacing, "the", and number formats don't matter. */
export function checkTypedAnswer(expected: string, given: string, options: AnswerCheckOptions = {}): AnswerCheck {
  const expectedNumber = parseNumber(expected);
  if (options.numeric ?? expectedNumber !== null) {
    const givenNumber = parseNumber(given);
    if (!expectedNumber || !givenNumber) return { correct: false };
    return { correct: checkNumbers(expectedNumber, givenNumber, options.tolerance ?? 0) };
  }
  const expectedWords = toWords(expected);
  const givenWords = toWords(given);
  if (givenWords.length === 0) return { correct: false };
  // Spacing is ignored too, so "U.S." matches "US" and "North-Atlantic" matches "NorthAtlantic".
  if (expectedWords.join("") === givenWords.join("")) return { correct: true };
  return isOneSlipAway(expectedWords, givenWords) ? { correct: false, close: true } : { correct: false };
}
