import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { readEnv } from "@/lib/env";
import { usesSecureCookies } from "./session-callbacks";

/*
 * next-auth's getServerSession runs its whole session route on every call: option parsing, a CSRF token, an HKDF
 * key derivation and an A256GCM decryption of the cookie, then a fresh token encrypted again (whose cookie a
 * server component cannot even set). The decryption is a pure function of the cookie's value, so a token
 * decoded once is kept until it expires; everything that can change (sign-out, password change, a deleted
 * account, the role) is still read from the database on every request by the jwt callback.
 */

const CLOCK_TOLERANCE_MS = 15_000; // next-auth's own decode tolerance
const MAX_CACHED = 10_000;
const decoded = new Map<string, { payload: JWT; expiresAt: number }>();

/** A request's cookie, by name and value, as Next.js's `cookies()` lists them and `parseCookieHeader` reads them. */
export type RequestCookie = { name: string; value: string };

/**
 * A Cookie header's pairs the way Next.js's `cookies()` reads them: split at ";", values URI-decoded, a pair
 * whose value does not decode dropped, and a later pair of the same name winning.
 */
export function parseCookieHeader(header: string | undefined): RequestCookie[] {
  const byName = new Map<string, string>();
  for (const pair of (header ?? "").split(/; */)) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    if (at === -1) {
      byName.set(pair, "true");
      continue;
    }
    try {
      byName.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // Next.js skips a value that is not valid URI encoding; so does this.
    }
  }
  return [...byName].map(([name, value]) => ({ name, value }));
}

/** The session cookie's value, joined from next-auth's chunks (`name.0`, `name.1`, …) when it was split. */
function joinSessionCookie(cookies: readonly RequestCookie[]): string | null {
  const name = `${usesSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
  const chunks = cookies.filter((cookie) => cookie.name.startsWith(name));
  if (chunks.length === 0) return null;
  const suffix = (cookieName: string) => parseInt(cookieName.split(".").pop() ?? "0") || 0;
  return chunks
    .sort((a, b) => suffix(a.name) - suffix(b.name))
    .map((cookie) => cookie.value)
    .join("");
}

/** The request's verified session token, or null when there is none or it does not decrypt or has expired. */
export async function readSessionToken(cookies: readonly RequestCookie[]): Promise<JWT | null> {
  const value = joinSessionCookie(cookies);
  if (!value) return null;
  const now = Date.now();
  const cached = decoded.get(value);
  if (cached && cached.expiresAt + CLOCK_TOLERANCE_MS > now) return { ...cached.payload };
  decoded.delete(value);
  const env = readEnv();
  const secret = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set, so no session can be read.");
  const payload = await decode({ token: value, secret }).catch(() => null);
  if (!payload) return null;
  if (decoded.size >= MAX_CACHED) decoded.delete(decoded.keys().next().value!);
  decoded.set(value, { payload, expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : now });
  return { ...payload };
}
