import { parentPort, workerData } from "node:worker_threads";

/** Thrown by a task that sees, part way through, that its output will pass the row limit. */
export class RowLimitError extends Error {}

/** What the worker sends back: its output, a passed row limit, or a parser failure (whose details stay here). */
export type TaskMessage<O> = { kind: "done"; output: O } | { kind: "rows" } | { kind: "failed" };

/**
 * The worker side of `runInWorker`: runs one task on the input it was started with and posts the outcome. A task
 * file calls this at its top level; it is only ever loaded as a worker's entry.
 */
export function serveTask<I, O>(run: (input: I, rowLimit: number) => O | Promise<O>, rowsOf: (output: O) => number): void {
  const { input, rowLimit } = workerData as { input: I; rowLimit: number };
  const post = (message: TaskMessage<O>) => parentPort?.postMessage(message);
  Promise.resolve()
    .then(() => run(input, rowLimit))
    .then(
      (output) => post(rowsOf(output) > rowLimit ? { kind: "rows" } : { kind: "done", output }),
      (error: unknown) => post(error instanceof RowLimitError ? { kind: "rows" } : { kind: "failed" }),
    );
}
