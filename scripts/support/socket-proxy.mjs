// Plain JavaScript: scripts/serve.mjs runs with bare Node in production, without a TypeScript loader.
import http from "node:http";
import { pipeline } from "node:stream";

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection; each side of the proxy sets its own.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "expect"]);

/**
 * The names a message's Connection header lists: they belong to that connection too (RFC 9110 §7.6.1).
 * @param {string | string[] | undefined} value
 * @returns {Set<string>}
 */
function hopByHop(value) {
  const listed = [value ?? []]
    .flat()
    .flatMap((field) => field.split(","))
    .map((name) => name.trim().toLowerCase());
  return new Set([...HOP_BY_HOP, ...listed]);
}

/**
 * Header names and values flat, as Node's rawHeaders are, without the hop-by-hop ones: repeated headers
 * (several Set-Cookie) stay separate.
 * @param {string[]} raw
 * @param {Set<string>} dropped
 */
function endToEnd(raw, dropped) {
  const kept = [];
  for (let index = 0; index < raw.length; index += 2) {
    if (!dropped.has(raw[index].toLowerCase())) kept.push(raw[index], raw[index + 1]);
  }
  return kept;
}

/**
 * Passes requests to an HTTP server on a Unix socket and streams its answers back as they come (pages stream):
 * method, path, headers (as serve.mjs rewrote them) and body go through, a client that hangs up cancels the
 * upstream request, and an upstream that cannot be reached gets 502.
 * @param {string} socketPath
 * @returns {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void}
 */
export function proxyToSocket(socketPath) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  return (request, response) => {
    const dropped = hopByHop(request.headers.connection);
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !dropped.has(name)));
    const upstream = http.request({ socketPath, agent, method: request.method, path: request.url, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.rawHeaders, hopByHop(answer.headers.connection)));
      // A streamed page arrives as many small chunks, often several in one read of the socket; corked until the
      // next tick, they leave in one write instead of a system call each.
      answer.on("data", () => {
        if (response.writableCorked) return;
        response.cork();
        process.nextTick(() => response.uncork());
      });
      // Either side failing or hanging up ends both: a page cut off upstream is not left open for the client.
      pipeline(answer, response, () => {});
    });
    upstream.on("error", () => {
      if (response.headersSent) return void response.destroy();
      response.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      response.end("The app is not answering. Try again in a moment.");
    });
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    pipeline(request, upstream, () => {});
  };
}
