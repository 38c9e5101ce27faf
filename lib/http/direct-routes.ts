import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionUserOf } from "@/lib/auth/session-user";
import { parseCookieHeader } from "@/lib/auth/session-token";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "@/lib/security-headers";
import { reviewSyncEndpoint, singleGradeEndpoint } from "@/lib/study/reviews/endpoints";
import { answerJsonEndpoint, MAX_BODY_BYTES, SMALL_JSON_CACHE_CONTROL, type JsonEndpoint } from "./json-endpoint";

/*
 * The grade routes, answered by scripts/serve.mjs itself instead of through Next.js. A grade is the request a
 * class sends most, and Next.js's routing, request and response objects and streams were a quarter of its CPU
 * (README, Benchmarks). The endpoints are the same functions the route handlers in app/api/reviews call, so
 * `next dev` and this path answer alike; tests/integration/direct-routes.test.ts checks that they do.
 */
const ENDPOINTS = new Map<string, JsonEndpoint>([
  ["/api/reviews", singleGradeEndpoint],
  ["/api/reviews/sync", reviewSyncEndpoint],
]);

/** What next.config.ts's headers() gives every /api answer, and what small-json.ts gives a small JSON answer. */
const ANSWER_HEADERS: Record<string, string> = {
  ...Object.fromEntries(securityHeaders().map(({ key, value }) => [key, value])),
  "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
  "Cache-Control": SMALL_JSON_CACHE_CONTROL,
  "Content-Type": "application/json",
};

/** The body as text, or "too_large" once it passes MAX_BODY_BYTES (the rest is left for Node.js to discard). */
async function readBody(request: IncomingMessage): Promise<string | "too_large"> {
  if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return "too_large";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return "too_large";
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function answer(endpoint: JsonEndpoint, request: IncomingMessage, response: ServerResponse) {
  try {
    const result = await answerJsonEndpoint(endpoint, {
      user: () => sessionUserOf(parseCookieHeader(request.headers.cookie)),
      text: () => readBody(request),
    });
    const body = JSON.stringify(result.body);
    response.writeHead(result.status, { ...ANSWER_HEADERS, ...result.headers, "Content-Length": Buffer.byteLength(body) });
    response.end(body);
  } catch (error) {
    // As Next.js answers a route handler that throws: a bare 500, the error in the server's log only.
    console.error(`[direct route] ${request.method} ${request.url} failed`, error);
    if (!response.headersSent) response.writeHead(500, { ...ANSWER_HEADERS, "Content-Length": 0 });
    response.end();
  }
}

/** Answers the request when it is a POST to a direct route and returns true; otherwise leaves it to Next.js. */
export function serveDirectRoute(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "POST") return false;
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  const endpoint = ENDPOINTS.get(query === -1 ? url : url.slice(0, query));
  if (!endpoint) return false;
  void answer(endpoint, request, response);
  return true;
}
