import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capBody, DEFAULT_BODY_CAP } from "@/scripts/support/body-caps.mjs";

/**
 * scripts/serve.mjs's body caps on loopback, in front of a stand-in for Next.js that reads the whole body and
 * reports what it got.
 */
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((request, response) => {
    void capBody(request, response).then(async (capped) => {
      if (!capped) return;
      const chunks: Buffer[] = [];
      for await (const chunk of capped) chunks.push(chunk as Buffer);
      response.end(JSON.stringify({ length: Buffer.concat(chunks).length, contentLength: capped.headers["content-length"] ?? null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * POSTs `total` bytes in 64 KB chunks with no Content-Length (chunked), stopping as soon as an answer arrives, the
 * way a client that never ends its body would be stopped. Resolves with the status and body and how much was sent.
 */
function postChunked(path: string, total: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    let answered = false;
    const outgoing = httpRequest(
      { host: "127.0.0.1", port, path, method: "POST", headers: { "content-type": "text/plain", "transfer-encoding": "chunked" } },
      (response) => {
        answered = true;
        const parts: Buffer[] = [];
        response.on("data", (part: Buffer) => parts.push(part));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString(), sent }));
      },
    );
    outgoing.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once("drain", pump);
      }
      if (!answered) outgoing.end();
    };
    pump();
  });
}

describe("request bodies are capped while they stream in", () => {
  it("a chunked body past 1 MB to a server action or page: 413, answered before the client finishes sending", async () => {
    const answer = await postChunked("/teach", 64 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, code: "invalid_input", message: "The request is larger than 1 MB, the limit here." });
    expect(answer.sent).toBeLessThan(64 * 1024 * 1024);
  });

  it("a declared length past the cap: 413 before the body is read", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/reviews`, { method: "POST", body: "x".repeat(DEFAULT_BODY_CAP + 1) });
    expect(response.status).toBe(413);
  });

  it("a chunked body within its path's cap reaches the app whole, with its length now declared", async () => {
    const small = await postChunked("/api/reviews", 512 * 1024);
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body)).toEqual({ length: 512 * 1024, contentLength: String(512 * 1024) });
    const personalImport = await postChunked("/api/me/import", 3 * 1024 * 1024);
    expect(JSON.parse(personalImport.body)).toEqual({ length: 3 * 1024 * 1024, contentLength: String(3 * 1024 * 1024) });
    expect((await postChunked("/api/decks/abc/import", 6 * 1024 * 1024)).status).toBe(413);
  });
});
