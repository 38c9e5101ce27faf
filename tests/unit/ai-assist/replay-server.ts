import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/** A recorded HTTP answer of an OpenAI-compatible server: a JSON body, or raw bytes as the wire carried them. */
export type RecordedResponse = { status: number; body?: unknown; rawBody?: string; delayMs?: number };
export type ReceivedRequest = { method: string; url: string; authorization: string | undefined; body: Record<string, unknown> };

const FIXTURES = path.join(import.meta.dirname, "fixtures");

export const loadFixture = (name: string): RecordedResponse => JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as RecordedResponse;
export const ARTICLE = readFileSync(path.join(FIXTURES, "article.txt"), "utf8");

/**
 * Replays recorded responses, one per request in order (the last repeats), on 127.0.0.1 only, so the real `openai`
 * client's request and response path runs without leaving the machine.
 */
export async function replay(...responses: RecordedResponse[]): Promise<{ baseURL: string; requests: ReceivedRequest[]; close: () => Promise<void> }> {
  const requests: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: request.method ?? "",
        url: request.url ?? "",
        authorization: request.headers.authorization,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      const recorded = responses[Math.min(requests.length - 1, responses.length - 1)]!;
      const send = () => {
        if (response.destroyed) return;
        response.writeHead(recorded.status, { "content-type": "application/json" });
        response.end(recorded.rawBody ?? JSON.stringify(recorded.body));
      };
      if (!recorded.delayMs) return send();
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, recorded.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
