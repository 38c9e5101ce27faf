/** Lowercases and strips accents and curly apostrophes so "Türkiye’s" and "turkiye's" compare equal. */
export function normalizeKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .trim();
}

/** Splits into normalized word tokens; hyphens and slashes separate words so "NATO-Ukraine" holds "nato". */
export function tokenize(text: string): string[] {
  return normalizeKey(text)
    .split(/[\s\-/–—]+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}€$£]+|[^\p{L}\p{N}%]+$/gu, "").replace(/'s$/, ""))
    .filter((token) => token.length > 0);
}

/** True when `needle` occurs as a contiguous run of tokens in `haystack`. */
export function containsTokenRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((token, j) => haystack[i + j] === token)) return true;
  }
  return false;
}

/** True when either token list contains the other as a run, e.g. the tokens of "Rutte" and "Mark Rutte". */
export function overlapsByTokens(a: string[], b: string[]): boolean {
  return containsTokenRun(a, b) || containsTokenRun(b, a);
}

/** Jaccard similarity of two token sets. */
export function computeJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
