import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken } from "@/lib/auth/session-token";
import { databaseReadiness } from "@/lib/db/readiness-probe";
import { requestHost } from "@/lib/http/client-address";
import { outageResponse } from "@/lib/http/outage";
import { outagePage } from "@/lib/http/outage-page";
import { refuse } from "@/lib/http/refuse";
import { readLimitedText } from "@/lib/http/read-limited-text";
import { serverActionPayloadProblem, type ActionParts } from "@/lib/http/server-action-payload";
import { contentSecurityPolicy } from "@/lib/security-headers";

// Next.js's own limit for server action bodies (serverActions.bodySizeLimit), answered here as a 413.
const ACTION_BODY_MAX_BYTES = 1024 * 1024;

/** A server action call with a malformed or oversized body, refused with a JSON 4xx before Next.js decodes it. */
async function screenServerAction(request: NextRequest): Promise<NextResponse | null> {
  // Next.js also refuses a foreign Origin, but deep inside with a 500; browsers always send Origin on POST.
  const origin = request.headers.get("origin");
  // X-Forwarded-Host is a client's claim unless a trusted proxy (TRUSTED_PROXY_HOPS) set it.
  const host = requestHost(request.headers);
  if (origin !== null && (!URL.canParse(origin) || new URL(origin).host !== host)) {
    return refuse("forbidden", "Server actions may only be called from this site.");
  }
  const type = request.headers.get("content-type") ?? "";
  const text = await readLimitedText(request.clone(), ACTION_BODY_MAX_BYTES);
  if (text === "too_large") return refuse("invalid_input", "The request is too large.", 413);
  if (type.startsWith("multipart/form-data")) {
    const form = await new Request(request.url, { method: "POST", headers: { "content-type": type }, body: text }).formData().catch(() => null);
    if (!form) return refuse("invalid_input", "The form data is malformed.");
    const parts: ActionParts = new Map([...form].map(([name, value]) => [name, typeof value === "string" ? value : "blob"]));
    const root = parts.get("0");
    // A form posted without JavaScript carries its fields only; React's calls put their arguments in field "0".
    const problem = typeof root === "string" ? serverActionPayloadProblem(root, parts) : root === "blob" ? "The form data is malformed." : null;
    return problem ? refuse("invalid_input", problem) : null;
  }
  const problem = serverActionPayloadProblem(text);
  return problem ? refuse("invalid_input", problem) : null;
}

/**
 * Every request gets a Content-Security-Policy with a fresh nonce; Next.js reads it from the request headers
 * and stamps it on the scripts it renders. A database outage is answered first, then server action calls are
 * screened.
 */
// The device's own study page and the notice the service worker keeps need no database, nor do public files.
const WORKS_OFFLINE = /^\/(offline|study\/offline)\/?$|\.[a-z0-9]+$/i;

/**
 * While the database is down, pages get the outage page and server actions a JSON 503, both with Retry-After;
 * while it is read-only, pages still read and only actions (which write) are refused. Never a sign-in page.
 */
async function answerOutage(request: NextRequest, isAction: boolean): Promise<Response | null> {
  if (WORKS_OFFLINE.test(request.nextUrl.pathname)) return null;
  const readiness = await databaseReadiness();
  if (readiness === "up" || (readiness === "read-only" && !isAction)) return null;
  if (isAction) return outageResponse();
  const signedIn = (await readSessionToken(request.cookies.getAll()).catch(() => null)) !== null;
  return outagePage(request.nextUrl.searchParams.get("deck"), signedIn);
}

export async function proxy(request: NextRequest) {
  const isAction = request.method === "POST" && request.headers.has("next-action");
  const outage = await answerOutage(request, isAction);
  if (outage) return outage;
  if (isAction) {
    const refusal = await screenServerAction(request);
    if (refusal) return refusal;
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "production");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages, server actions and everything else, 404s included. Hashed static files run no inline code; API routes get a fixed policy from
  // next.config.ts and stay out of the proxy, which would otherwise buffer (and cut at 10 MB) every upload.
  matcher: [{ source: "/((?!api/|_next/static|_next/image).*)" }],
};
