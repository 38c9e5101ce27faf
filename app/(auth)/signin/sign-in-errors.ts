/**
 * What the sign-in page says for an error code in its `error` parameter. next-auth sends failed sign-ins
 * here with its own codes (CredentialsSignin, SessionRequired, the OAuth ones); our auth route adds
 * RateLimited. The code comes from the address bar, so it is only ever looked up, never shown.
 */
const MESSAGES: Record<string, string> = {
  RateLimited: "Too many sign-in attempts. Wait a while, then try again.",
  CredentialsSignin: "That email and password do not match an account.",
  SessionRequired: "Sign in to see that page.",
  OAuthAccountNotLinked: "That email already belongs to an account that signs in another way. Sign in the way you did before.",
};

const FALLBACK = "Signing in did not work. Try again, or sign in another way.";

/** The message for `code`, a general one for a code we do not know, and none when there is no code. */
export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : FALLBACK;
}
