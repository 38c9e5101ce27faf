// Worker entry for tests/integration/untrusted-worker.test.ts: a task that breaks the limit it is told to.
import { serveTask } from "@/lib/untrusted/serve-task";

export type Misbehaviour = "spin" | "allocate" | "rows" | "throw" | "echo";

serveTask(
  (how: Misbehaviour) => {
    if (how === "spin") for (;;);
    if (how === "allocate") {
      const hoard: number[][] = [];
      for (;;) hoard.push(Array.from({ length: 100_000 }, (_, index) => index));
    }
    if (how === "throw") throw new Error("parser bug");
    return how === "rows" ? Array.from({ length: 11 }, (_, index) => index) : [how];
  },
  (rows) => rows.length,
);
