import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxyToSocket } from "@/scripts/support/socket-proxy.mjs";

/**
 * scripts/serve.mjs passes every request that is not a direct route to Next.js in its child process, over a Unix
 * socket (scripts/support/socket-proxy.mjs). Here the child is a stand-in on a real socket, so what the proxy keeps,
 * drops and streams is what a browser would get.
 */
type Seen = { method?: string; url?: string; headers: IncomingMessage["headers"]; body: string };

let folder: string;
let upstream: Server;
let front: Server;
let frontPort: number;
const seen: Seen[] = [];
let upstreamClosedEarly: Promise<void>;
let markUpstreamClosedEarly: () => void;

async function standIn(request: IncomingMessage, response: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  seen.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks).toString() });
  if (request.url === "/stream") {
    response.writeHead(200, { "content-type": "text/plain" });
    response.write("first part;");
    // The rest comes only once the client shows it got the first part (see the test), as a streamed page would.
    setTimeout(() => response.end("second part"), 300);
    return;
  }
  if (request.url === "/never-ends") {
    response.writeHead(200, { "content-type": "text/plain" });
    response.write("started");
    response.on("close", () => markUpstreamClosedEarly());
    return;
  }
  response.writeHead(
    201,
    [
      ["set-cookie", "a=1; Path=/; HttpOnly"],
      ["set-cookie", "b=2; Path=/"],
      ["content-type", "application/json"],
      ["connection", "x-upstream-hop"],
      ["x-upstream-hop", "private"],
    ].flat(),
  );
  response.end(JSON.stringify({ ok: true }));
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "socket-proxy-test-"));
  const socketPath = path.join(folder, "upstream.sock");
  upstreamClosedEarly = new Promise((resolve) => (markUpstreamClosedEarly = resolve));
  upstream = createServer((request, response) => void standIn(request, response));
  await new Promise<void>((resolve) => upstream.listen(socketPath, resolve));
  const toUpstream = proxyToSocket(socketPath);
  front = createServer((request, response) => toUpstream(request, response));
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  frontPort = (front.address() as AddressInfo).port;
});

afterAll(async () => {
  front.closeAllConnections();
  upstream.closeAllConnections();
  await Promise.all([new Promise((resolve) => front.close(resolve)), new Promise((resolve) => upstream.close(resolve))]);
  rmSync(folder, { recursive: true, force: true });
});

function send(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; rawHeaders: string[]; body: string }>((resolve, reject) => {
    const outgoing = httpRequest(
      { host: "127.0.0.1", port: frontPort, path: options.path, method: options.method ?? "GET", headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, rawHeaders: response.rawHeaders, body: Buffer.concat(chunks).toString() }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

describe("the front process passes pages to Next.js over its socket", () => {
  it("passes method, path, query, the rewritten forwarding headers and the body, and returns status, every Set-Cookie and the body", async () => {
    const body = JSON.stringify({ name: "Deck" });
    const answer = await send({
      path: "/teach/decks?tab=cards",
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": "203.0.113.7",
        host: "study.example.org",
        connection: "keep-alive, x-secret",
        "x-secret": "kept",
      },
      body,
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toBe(JSON.stringify({ ok: true }));
    const cookies = answer.rawHeaders.filter((_, index) => index % 2 === 0 && answer.rawHeaders[index]!.toLowerCase() === "set-cookie").length;
    expect(cookies).toBe(2);
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: "POST", url: "/teach/decks?tab=cards", body });
    expect(request.headers).toMatchObject({ "x-forwarded-for": "203.0.113.7", host: "study.example.org", "content-type": "application/json" });
    expect(request.headers.connection).not.toContain("x-secret");
    // A header the client's Connection header names is for the proxy's hop only.
    expect(request.headers).not.toHaveProperty("x-secret");
    expect(answer.rawHeaders.map((name) => name.toLowerCase())).not.toContain("x-upstream-hop");
  });

  it("streams an answer as it comes: the first part reaches the client before the upstream has finished", async () => {
    const firstPartAt = await new Promise<{ first: number; end: number; text: string }>((resolve, reject) => {
      const started = Date.now();
      let first = 0;
      let text = "";
      httpRequest({ host: "127.0.0.1", port: frontPort, path: "/stream" }, (response) => {
        response.on("data", (chunk: Buffer) => {
          if (!first) first = Date.now() - started;
          text += chunk.toString();
        });
        response.on("end", () => resolve({ first, end: Date.now() - started, text }));
      })
        .on("error", reject)
        .end();
    });
    expect(firstPartAt.text).toBe("first part;second part");
    expect(firstPartAt.end - firstPartAt.first).toBeGreaterThanOrEqual(200);
  });

  it("a client that hangs up mid-answer cancels the upstream request", async () => {
    await new Promise<void>((resolve, reject) => {
      const outgoing = httpRequest({ host: "127.0.0.1", port: frontPort, path: "/never-ends" }, (response) => {
        response.once("data", () => {
          outgoing.destroy();
          resolve();
        });
      });
      outgoing.on("error", (error) => (error.message.includes("socket hang up") ? undefined : reject(error)));
      outgoing.end();
    });
    await upstreamClosedEarly;
  });

  it("answers 502 with a message when nothing listens on the socket", async () => {
    const missing = proxyToSocket(path.join(folder, "missing.sock"));
    const server = createServer((request, response) => missing(request, response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/dashboard`);
      expect(answer.status).toBe(502);
      expect(await answer.text()).toMatch(/not answering/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
