import { hash, verify } from "@node-rs/argon2";
import { loadCommonPasswords } from "./common-passwords";
import { normalizePassword, passwordRuleProblem } from "./password-rules";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

// OWASP's Argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Returns why a new password is unacceptable, or null when it is fine; checked offline against 437,651 known passwords. */
export async function passwordProblem(password: string, email?: string): Promise<string | null> {
  return passwordRuleProblem(password, await loadCommonPasswords(), email);
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

/**
 * Checks the password in its normalised form. Hashes made before passwords were normalised hold the characters as
 * typed then, so a password that normalisation changes is also tried as typed.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  const tries = normalized === password ? [password] : [normalized, password];
  for (const candidate of tries) {
    try {
      if (await verify(passwordHash, candidate)) return true;
    } catch {
      return false;
    }
  }
  return false;
}

// Verifying against this keeps unknown emails as slow as known ones, so timing does not reveal accounts.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  return dummyHash;
}
