import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { consumeSignInBudget, type RateLimitResult } from "@/lib/auth/rate-limit";
import { clientIp, requestHost, requestProto } from "@/lib/http/client-address";
import { getDb } from "@/lib/db/client";
import { refuse } from "@/lib/http/json-route";
import { readLimitedText } from "@/lib/http/read-limited-text";
import { sameSitePath } from "@/lib/http/safe-path";
import { admitGuest } from "@/lib/signups/mutations";
import { emailSchema } from "@/lib/users/schema";

const handler = NextAuth(authOptions);
type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth's forms carry a CSRF token, an email, a password (at most 256 characters) and a callback URL.
const AUTH_BODY_MAX_BYTES = 8 * 1024;

/** The form fields of a body next-auth's client sent (urlencoded, or JSON from a script), or null if unreadable. */
function readFields(text: string, contentType: string): Record<string, unknown> | null {
  if (!contentType.includes("application/json")) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text || "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Password sign-ins count against the account's and the address's budgets, guest sign-ins against the address's. */
async function consumeBudget(request: NextRequest, fields: Record<string, unknown>): Promise<RateLimitResult> {
  const path = request.nextUrl.pathname;
  if (path.endsWith("/callback/guest")) return admitGuest(getDb(), clientIp(request.headers), new Date());
  if (!path.endsWith("/callback/credentials")) return { allowed: true };
  const email = emailSchema.safeParse(fields.email ?? "");
  if (!email.success) return { allowed: true };
  return consumeSignInBudget(getDb(), email.data, clientIp(request.headers), new Date());
}

/**
 * The body is read here with a byte cap (next-auth would buffer any size), then handed on unchanged.
 * Sign-ins are counted before next-auth, so a spent budget answers 429 with Retry-After; that
 * body keeps next-auth's `{ url }` shape so its client reports `error=RateLimited` to the form.
 */
async function POST(request: NextRequest, context: RouteContext) {
  const text = await readLimitedText(request, AUTH_BODY_MAX_BYTES);
  if (text === "too_large") return refuse("invalid_input", "The request is too large.", 413);
  const fields = readFields(text, request.headers.get("content-type") ?? "");
  if (!fields) return refuse("invalid_input", "The request body is not valid JSON.");
  const limit = await consumeBudget(request, fields);
  if (!limit.allowed) {
    // The address the browser used (behind a trusted proxy, its forwarded host), not the one the server listens on.
    const origin = `${requestProto(request.headers) ?? request.nextUrl.protocol.replace(":", "")}://${requestHost(request.headers) ?? request.nextUrl.host}`;
    const url = new URL("/signin?error=RateLimited", origin).toString();
    return NextResponse.json({ url }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return handler(new NextRequest(request.url, { method: "POST", headers, body: text }), context);
}

/**
 * next-auth answers a callbackUrl it finds unsafe ("javascript:…", another host) with a 500; such a value is
 * dropped here, so its pages and redirects fall back to this site's home.
 */
async function GET(request: NextRequest, context: RouteContext) {
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  // A path on this site, or an http(s) URL (the redirect callback in lib/auth/options.ts keeps it on this site).
  const usable = callbackUrl === null || sameSitePath(callbackUrl, "") !== "" || /^https?:\/\//i.test(callbackUrl);
  if (usable) return handler(request, context);
  const safe = new URL(request.url);
  safe.searchParams.delete("callbackUrl");
  return handler(new NextRequest(safe, { headers: request.headers }), context);
}

export { GET, POST };
