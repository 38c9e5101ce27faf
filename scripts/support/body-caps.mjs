// Plain JavaScript: scripts/serve.mjs runs with bare Node in production, without a TypeScript loader.
import { IncomingMessage } from "node:http";

const MB = 1024 * 1024;
// The largest body each path takes (the app checks its own, smaller caps again): personal imports 20 MB, deck
// imports 5 MB and their form fields; everything else (server actions, sign-in, JSON APIs, pages) 1 MB.
const CAPS = [
  [/^\/api\/me\/import\/?(\?|$)/, 20 * MB],
  [/^\/api\/decks\/[^/?]+\/import\/?(\?|$)/, 5 * MB + 64 * 1024],
];
export const DEFAULT_BODY_CAP = MB;

/** @param {string} url a request's path and query */
export function bodyCap(url) {
  return CAPS.find(([pattern]) => pattern.test(url))?.[1] ?? DEFAULT_BODY_CAP;
}

// A body up to this size is read and thrown away after the 413, so a client still sending it gets the answer
// instead of a reset connection; past it (declared, or counted as it arrives) the connection is cut.
const DRAIN_MAX = 64 * MB;

/**
 * Answers 413; the rest of the body is never kept: it is read and discarded up to DRAIN_MAX, then cut off.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {number} cap
 * @param {number} received bytes of the body already read
 */
function tooLarge(request, response, cap, received) {
  const declared = Number(request.headers["content-length"] ?? 0);
  const cut = declared > DRAIN_MAX;
  response.writeHead(413, {
    "content-type": "application/json",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    ...(cut ? { connection: "close" } : {}),
  });
  const message = `The request is larger than ${Math.round((cap / MB) * 10) / 10} MB, the limit here.`;
  response.end(JSON.stringify({ ok: false, code: "invalid_input", message }), () => {
    if (cut) request.socket.destroy();
  });
  if (cut) return;
  let drained = received;
  request.on("data", (chunk) => {
    drained += chunk.length;
    if (drained > DRAIN_MAX) request.socket.destroy();
  });
  request.resume();
}

/**
 * The body read whole, as a request Next.js can read again (with its Content-Length now known).
 * @param {import("node:http").IncomingMessage} original
 * @param {Buffer} body
 */
function replay(original, body) {
  const copy = new IncomingMessage(original.socket);
  copy.method = original.method;
  copy.url = original.url;
  copy.httpVersion = original.httpVersion;
  copy.httpVersionMajor = original.httpVersionMajor;
  copy.httpVersionMinor = original.httpVersionMinor;
  const { "transfer-encoding": _chunked, ...headers } = original.headers;
  copy.headers = { ...headers, "content-length": String(body.length) };
  copy.rawHeaders = Object.entries(copy.headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((one) => [name, one]) : [name, String(value)],
  );
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

/**
 * Holds a request's body to its path's cap while it streams in: a declared length over the cap is refused before
 * a byte is read; a body without one (chunked) is read up to the cap and refused the moment it passes it. Resolves
 * to the request to hand to Next.js, or null when it was answered with 413.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @returns {Promise<import("node:http").IncomingMessage | null>}
 */
export function capBody(request, response) {
  const cap = bodyCap(request.url ?? "/");
  const declared = request.headers["content-length"];
  if (declared !== undefined) {
    // Node's parser reads exactly the declared length, so a length within the cap bounds the body.
    if (Number(declared) > cap) {
      tooLarge(request, response, cap, 0);
      return Promise.resolve(null);
    }
    return Promise.resolve(request);
  }
  if (request.headers["transfer-encoding"] === undefined) return Promise.resolve(request);
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size <= cap) {
        chunks.push(chunk);
        return;
      }
      request.removeAllListeners("data");
      chunks.length = 0;
      tooLarge(request, response, cap, size);
      resolve(null);
    });
    request.on("end", () => {
      if (size <= cap) resolve(replay(request, Buffer.concat(chunks)));
    });
    // A client that hangs up mid-body gets no answer; a later resolve (after "end") is a no-op.
    request.on("close", () => resolve(null));
  });
}
