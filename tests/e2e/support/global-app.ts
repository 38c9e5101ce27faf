import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { readOrCreateLocalSecrets } from "../../../scripts/support/local-secrets";
import { buildIfStale, ROOT, startStack } from "../../../scripts/support/stack";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    /** Lets load tests mint session cookies for accounts they create in the database. */
    nextAuthSecret: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The real production build on a fresh embedded database, shared by every end-to-end test file. */
export default async function setup(project: TestProject) {
  const dataDir = path.join(ROOT, ".data", "e2e");
  rmSync(dataDir, { recursive: true, force: true });
  const log = (line: string) => console.log(`[e2e] ${line}`);
  buildIfStale(log);
  const previousUrl = process.env.DATABASE_URL;
  const previousHops = process.env.TRUSTED_PROXY_HOPS;
  delete process.env.DATABASE_URL;
  // The test clients play the one reverse proxy: they send X-Forwarded-For to stand for different clients
  // (attacker.ts testIp), and a browser that sends none is its socket address, 127.0.0.1.
  process.env.TRUSTED_PROXY_HOPS = "1";
  const stack = await startStack({ port: await freePort(), host: "127.0.0.1", dataDir, dev: false, log });
  if (previousUrl) process.env.DATABASE_URL = previousUrl;
  if (previousHops === undefined) delete process.env.TRUSTED_PROXY_HOPS;
  else process.env.TRUSTED_PROXY_HOPS = previousHops;
  project.provide("baseUrl", stack.url);
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("nextAuthSecret", readOrCreateLocalSecrets(dataDir).nextAuthSecret);
  return () => stack.stop();
}
