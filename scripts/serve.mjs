// The production server: Next.js behind a few lines that decide, from TRUSTED_PROXY_HOPS, which forwarding
// headers to believe. `next start` cannot do this: it keeps whatever X-Forwarded-For the client sent.
// Every request body is held to its path's cap while it streams in (scripts/support/body-caps.mjs).
// Usage: node scripts/serve.mjs   (env: PORT, HOST, TRUSTED_PROXY_HOPS; run `next build` first)
import { createServer } from "node:http";
import path from "node:path";
import { capBody } from "./support/body-caps.mjs";
import { loadDirectRoutes } from "./support/direct-routes.mjs";
import { normalizeForwardedHeaders } from "./support/forwarded-headers.mjs";

process.env.NODE_ENV = "production";
const hopsText = process.env.TRUSTED_PROXY_HOPS?.trim() || "0";
if (!/^(10|[0-9])$/.test(hopsText)) {
  console.error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${hopsText}".`);
  process.exit(2);
}
const hops = Number(hopsText);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

const root = path.resolve(import.meta.dirname, "..");
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
// The grade routes skip Next.js (lib/http/direct-routes.ts); everything else goes through it.
const { serveDirectRoute } = await loadDirectRoutes(root);
createServer((request, response) => {
  normalizeForwardedHeaders(request.headers, request.socket.remoteAddress, hops);
  void capBody(request, response).then((capped) => capped && !serveDirectRoute(capped, response) && handle(capped, response));
}).listen(port, hostname, () => {
  console.log(`Ready on http://${hostname}:${port} (trusted proxy hops: ${hops})`);
});
