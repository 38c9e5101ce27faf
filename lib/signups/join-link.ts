import { readJoinCode } from "./schema";

const JOIN_PATH = /^\/join\/([^/?#]+)$/;

/** The join code in a class's join link path (/join/CODE), or undefined for any other path or a malformed code. */
export function joinCodeFromPath(path: string): string | undefined {
  const match = JOIN_PATH.exec(path);
  if (!match) return undefined;
  try {
    return readJoinCode(decodeURIComponent(match[1]!));
  } catch {
    return undefined; // a stray % in the address: not a code
  }
}

/**
 * Where "Create an account" on the sign-in page leads, so the way in is kept: a join link's code becomes
 * /signup?join=CODE (the new account lands in the class), any other page to come back to travels as callbackUrl.
 * `callbackUrl` is already a same-site path.
 */
export function signUpPathFor(callbackUrl: string, defaultLanding: string): string {
  const joinCode = joinCodeFromPath(callbackUrl);
  if (joinCode) return `/signup?join=${encodeURIComponent(joinCode)}`;
  if (callbackUrl === defaultLanding) return "/signup";
  return `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
