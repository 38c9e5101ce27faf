export const PASSWORD_MIN_LENGTH = 8;
// Argon2 has no 72-byte truncation; the cap only bounds hashing work per request.
export const PASSWORD_MAX_LENGTH = 256;

/** Words about this service that make a guessable password here, whatever the lists say (NIST SP 800-63B). */
const SERVICE_WORDS: ReadonlySet<string> = new Set(["alliance", "alliancerecall", "recall", "nato", "otan", "flashcard", "flashcards"]);

/**
 * The form a password is hashed and checked in: NFKC, so the same password typed on keyboards that compose
 * accents differently (or with full-width digits) is the same password (NIST SP 800-63B 5.1.1.2).
 */
export const normalizePassword = (password: string): string => password.normalize("NFKC");

/** Characters as a person counts them: code points, so four emoji are four characters, not eight. */
const characterCount = (text: string): number => [...text].length;

/**
 * Why a new password is refused, in words the person can act on, or null when it is fine. `common` holds leaked
 * and common passwords in lower case; a common word with digits or symbols around it ("Password1!",
 * "Summer2024") counts as common too, as do repeated characters or patterns and the service's own name.
 */
export function passwordRuleProblem(password: string, common: ReadonlySet<string>, email?: string): string | null {
  const normalized = normalizePassword(password);
  const length = characterCount(normalized);
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters; this one has ${length}.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lowered = normalized.toLowerCase();
  if (common.has(lowered)) return "This password is on lists of leaked and common passwords that attackers try first. Choose another.";
  const core = lowered.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (SERVICE_WORDS.has(core.replace(/[^\p{L}]/gu, ""))) return "A password made of this site's name is easy to guess. Choose another.";
  if (core !== lowered && core.length >= 3 && common.has(core)) {
    return `This is a common password ("${core}") with digits or symbols added, which attackers try early. Choose another.`;
  }
  if (/^(.+?)\1+$/su.test(lowered)) return 'A repeated character or pattern (like "aaaaaaaa" or "abcabcabc") is easy to guess. Choose another.';
  if (email && [email.toLowerCase(), email.toLowerCase().split("@")[0]].includes(lowered)) return "The password must differ from the email.";
  return null;
}
