import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { busyRefusal, limitRefusal, unreadableRefusal, type WorkerLimits, type WorkerRefusal } from "./limits";
import type { TaskMessage } from "./serve-task";

/**
 * A parse of untrusted input run off the event loop: `entry` is a task file (relative to the project folder) that
 * calls `serveTask`; `subject` names the input in refusals ("This file"). The type parameters tie callers to the
 * task's input and output.
 */
export type WorkerTask<I, O> = { entry: string; subject: string; limits: WorkerLimits; readonly types?: (input: I) => O };

export type WorkerOutcome<O> = { ok: true; data: O } | WorkerRefusal;

// One core stays with the event loop; the rest read uploads. Past the queue, uploads are refused rather than held.
const SLOTS = Math.max(1, os.availableParallelism() - 1);
const MAX_WAITING = 20;
let running = 0;
const waiting: (() => void)[] = [];

async function takeSlot(): Promise<boolean> {
  if (running < SLOTS) {
    running += 1;
    return true;
  }
  if (waiting.length >= MAX_WAITING) return false;
  await new Promise<void>((resolve) => waiting.push(resolve));
  return true;
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

const bundles = new Map<string, Promise<string>>();

/**
 * The task file and what it imports as one CommonJS script, built once per process with esbuild. The server's own
 * bundle cannot host a worker's entry, and a worker cannot load TypeScript, so the task is bundled from source.
 */
function bundle(entry: string): Promise<string> {
  let built = bundles.get(entry);
  if (!built) {
    built = import("esbuild").then(async (esbuild) => {
      const result = await esbuild.build({
        entryPoints: [path.join(/*turbopackIgnore: true*/ process.cwd(), entry)],
        absWorkingDir: process.cwd(),
        bundle: true,
        platform: "node",
        format: "cjs",
        target: "node20",
        write: false,
        // "server-only" marks modules the browser must not get; a worker is server code.
        conditions: ["react-server"],
        // Code that reads import.meta.dirname falls back to the working directory, as in the server's bundle.
        logOverride: { "empty-import-meta": "silent" },
        logLevel: "error",
      });
      return result.outputFiles[0]!.text;
    });
    built.catch(() => bundles.delete(entry));
    bundles.set(entry, built);
  }
  return built;
}

function runOnce<I, O>(code: string, task: WorkerTask<I, O>, input: I): Promise<WorkerOutcome<O>> {
  const { limits, subject } = task;
  return new Promise((resolve) => {
    const worker = new Worker(code, {
      eval: true,
      workerData: { input, rowLimit: limits.rows },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.min(32, limits.memoryMb / 4) },
    });
    let settled = false;
    // The slot is given back only once the worker has stopped, so a killed parse no longer holds a core.
    const finish = (outcome: WorkerOutcome<O>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().then(() => resolve(outcome));
    };
    const timer = setTimeout(() => finish(limitRefusal("timeMs", limits, subject)), limits.timeMs);
    worker.on("message", (message: TaskMessage<O>) => {
      if (message.kind === "done") finish({ ok: true, data: message.output });
      else finish(message.kind === "rows" ? limitRefusal("rows", limits, subject) : unreadableRefusal(subject));
    });
    worker.on("error", (error: Error & { code?: string }) =>
      finish(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? limitRefusal("memoryMb", limits, subject) : unreadableRefusal(subject)),
    );
    worker.on("exit", () => finish(unreadableRefusal(subject)));
  });
}

/**
 * Runs `task` on `input` in a worker thread with its time, memory and row limits; the worker is killed as soon as
 * one is passed, and the outcome names the limit. The event loop only waits, so other requests keep being answered.
 */
export async function runInWorker<I, O>(task: WorkerTask<I, O>, input: I): Promise<WorkerOutcome<O>> {
  const code = await bundle(task.entry);
  if (!(await takeSlot())) return busyRefusal();
  try {
    return await runOnce(code, task, input);
  } finally {
    releaseSlot();
  }
}
