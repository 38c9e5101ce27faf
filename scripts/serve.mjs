// The production server: a front process that decides, from TRUSTED_PROXY_HOPS, which forwarding headers to
// believe (`next start` keeps whatever X-Forwarded-For the client sent), holds every request body to its path's
// cap while it streams in (scripts/support/body-caps.mjs), answers the grade and queue routes itself
// (lib/http/direct-routes.ts), and passes everything else to Next.js, which runs in a child process
// (scripts/support/next-server.mjs) so that its process-wide patches do not slow the grades (README, Benchmarks).
// Usage: node scripts/serve.mjs   (env: PORT, HOST, TRUSTED_PROXY_HOPS; run `next build` first)
import { createServer } from "node:http";
import path from "node:path";
import nextEnv from "@next/env";
import { capBody } from "./support/body-caps.mjs";
import { loadDirectRoutes } from "./support/direct-routes.mjs";
import { normalizeForwardedHeaders } from "./support/forwarded-headers.mjs";
import { startNextProcess } from "./support/next-process.mjs";
import { proxyToSocket } from "./support/socket-proxy.mjs";

process.env.NODE_ENV = "production";
const root = path.resolve(import.meta.dirname, "..");
// The direct routes read the same configuration Next.js does, .env files included, as when both ran in one process.
nextEnv.loadEnvConfig(root, false);
const hopsText = process.env.TRUSTED_PROXY_HOPS?.trim() || "0";
if (!/^(10|[0-9])$/.test(hopsText)) {
  console.error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${hopsText}".`);
  process.exit(2);
}
const hops = Number(hopsText);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

const [nextProcess, { serveDirectRoute }] = await Promise.all([startNextProcess({ root, hostname, port }), loadDirectRoutes(root)]);
const toNext = proxyToSocket(nextProcess.socketPath);
const server = createServer((request, response) => {
  normalizeForwardedHeaders(request.headers, request.socket.remoteAddress, hops);
  void capBody(request, response).then((capped) => capped && !serveDirectRoute(capped, response) && toNext(capped, response));
});
let stopping = false;
// Next.js gone means pages are gone: this process ends with it, for whatever runs the server to restart both.
nextProcess.child.once("exit", (code, signal) => {
  if (stopping) return;
  console.error(`Next.js exited (${signal ?? `code ${code}`}); stopping.`);
  process.exit(1);
});
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    stopping = true;
    server.close();
    void nextProcess.stop().then(() => process.exit(0));
  });
}
server.listen(port, hostname, () => {
  console.log(`Ready on http://${hostname}:${port} (trusted proxy hops: ${hops})`);
});
