// Plain JavaScript: scripts/serve.mjs runs with bare Node in production, without a TypeScript loader.
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const SERVER_SCRIPT = path.join(import.meta.dirname, "next-server.mjs");

/**
 * Starts Next.js in a child process listening on a Unix socket in a new private folder (mkdtemp makes it 0700),
 * and resolves once it answers. The child gets no node flags of this process (a --cpu-prof is meant for the
 * grades served here); it exits when this process does, however this one ends.
 * @param {{ root: string, hostname: string, port: number }} options where the app is and the address clients use
 * @returns {Promise<{ socketPath: string, child: import("node:child_process").ChildProcess, stop: () => Promise<void> }>}
 */
export async function startNextProcess({ root, hostname, port }) {
  const folder = mkdtempSync(path.join(tmpdir(), "alliance-recall-next-"));
  const socketPath = path.join(folder, "next.sock");
  const child = fork(SERVER_SCRIPT, [], {
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, SERVE_NEXT_SOCKET: socketPath, SERVE_NEXT_ROOT: root, SERVE_NEXT_HOSTNAME: hostname, SERVE_NEXT_PORT: String(port) },
  });
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  child.once("exit", removeFolder);
  process.once("exit", () => {
    child.kill("SIGTERM");
    removeFolder();
  });
  await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code, signal) => reject(new Error(`Next.js exited before it was ready (${signal ?? `code ${code}`})`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      child.once("exit", () => resolve(undefined));
      child.kill("SIGTERM");
    });
  return { socketPath, child, stop };
}
