import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { readSessionClaim } from "@/lib/auth/session-claim";
import { sessionUserOf } from "@/lib/auth/session-user";
import { parseCookieHeader } from "@/lib/auth/session-token";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "@/lib/security-headers";
import { reviewSyncEndpoint, singleGradeEndpoint, studyQueueEndpoint } from "@/lib/study/endpoints";
import {
  answerJsonEndpoint,
  jsonBodyInput,
  MAX_BODY_BYTES,
  queryInput,
  SMALL_JSON_CACHE_CONTROL,
  type ClaimEndpoint,
  type JsonEndpoint,
  type ReadInput,
} from "./json-endpoint";

/*
 * The study screen's busiest requests, answered by scripts/serve.mjs itself instead of through Next.js: grades
 * and the study queue are what a class sends most, and Next.js's routing, request and response objects and
 * streams were a quarter of a grade's CPU (README, Benchmarks). The endpoints are the same functions the route
 * handlers in app/api call, so `next dev` and this path answer alike; tests/integration/direct-routes.test.ts
 * checks that they do.
 */
const ENDPOINTS = new Map<string, JsonEndpoint | ClaimEndpoint>([
  ["POST /api/reviews", singleGradeEndpoint],
  ["POST /api/reviews/sync", reviewSyncEndpoint],
  ["GET /api/study/queue", studyQueueEndpoint],
]);

// As Next.js's compression: answers from 1 KB up, gzip when the client takes it, never past `no-transform`.
const COMPRESS_FROM_BYTES = 1024;
const gzipAsync = promisify(gzip);

/** Whether an Accept-Encoding header takes gzip: its own weight if named, else "*"'s; q=0 refuses. */
function acceptsGzip(header: string | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [coding = "", ...params] = part.toLowerCase().split(";");
    const weight = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    weights.set(coding.trim(), weight === undefined ? 1 : Number(weight.slice(2)));
  }
  return (weights.get("gzip") ?? weights.get("*") ?? 0) > 0;
}

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

async function readInput(request: IncomingMessage, url: string): Promise<ReadInput> {
  if (request.method === "GET") return queryInput(new URL(url, "http://localhost").searchParams);
  return jsonBodyInput(await readBody(request));
}

async function answer(endpoint: JsonEndpoint | ClaimEndpoint, request: IncomingMessage, response: ServerResponse) {
  const url = request.url ?? "/";
  const cookies = parseCookieHeader(request.headers.cookie);
  try {
    const result = await answerJsonEndpoint(endpoint, {
      claim: () => readSessionClaim(cookies),
      user: () => sessionUserOf(cookies),
      input: () => readInput(request, url),
    });
    const headers: Record<string, string> = { ...ANSWER_HEADERS, ...result.headers };
    let body = Buffer.from(JSON.stringify(result.body));
    if (body.length >= COMPRESS_FROM_BYTES && !headers["Cache-Control"]!.includes("no-transform")) {
      headers.Vary = "Accept-Encoding";
      if (acceptsGzip(request.headers["accept-encoding"])) {
        body = await gzipAsync(body);
        headers["Content-Encoding"] = "gzip";
      }
    }
    response.writeHead(result.status, { ...headers, "Content-Length": String(body.length) });
    response.end(body);
  } catch (error) {
    // As Next.js answers a route handler that throws: a bare 500, the error in the server's log only.
    console.error(`[direct route] ${request.method} ${url} failed`, error);
    if (!response.headersSent) response.writeHead(500, { ...ANSWER_HEADERS, "Content-Length": 0 });
    response.end();
  }
}

/** Answers the request when it is for a direct route (method and exact path) and returns true; otherwise leaves it to Next.js. */
export function serveDirectRoute(request: IncomingMessage, response: ServerResponse): boolean {
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  const endpoint = ENDPOINTS.get(`${request.method} ${query === -1 ? url : url.slice(0, query)}`);
  if (!endpoint) return false;
  void answer(endpoint, request, response);
  return true;
}
