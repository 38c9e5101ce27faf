// Plain JavaScript: run by scripts/serve.mjs as its child, with bare Node, without a TypeScript loader.
// Next.js answers every page and route but the direct ones here, in a process of its own: it patches process-wide
// globals (Date, nextTick, setImmediate) and turns on AsyncLocalStorage's promise hooks, which slowed every grade
// in the process that loaded it (README, Benchmarks). It listens only on the Unix socket serve.mjs names, in a
// folder only this user can enter, so nothing reaches it without passing serve.mjs's header and body checks.
import { createServer } from "node:http";

process.env.NODE_ENV = "production";
const { SERVE_NEXT_SOCKET: socketPath, SERVE_NEXT_ROOT: root, SERVE_NEXT_HOSTNAME: hostname, SERVE_NEXT_PORT: port } = process.env;
if (!socketPath || !root || !process.send) {
  console.error("scripts/support/next-server.mjs is started by scripts/serve.mjs, not on its own.");
  process.exit(2);
}

// serve.mjs gone (even by kill -9) closes this channel: nothing is left listening for a server that is gone.
process.on("disconnect", () => process.exit(0));

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname, port: Number(port) });
const handle = app.getRequestHandler();
await app.prepare();
const server = createServer((request, response) => void handle(request, response));
// The front keeps its connections here open between requests. Node closes one idle for 5 s by default, and a request
// the front sends on it at that moment (an event loop late under load) meets a reset and the user a 502; the only
// client is the front, so idle connections stay until it closes them or this process ends.
server.keepAliveTimeout = 0;
server.listen(socketPath, () => process.send?.("ready"));
