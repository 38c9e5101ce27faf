import path from "node:path";
import { readOrCreateLocalSecrets } from "../../scripts/support/local-secrets";
import { freePort, ROOT, startStack, type Stack } from "../../scripts/support/stack";

export type BenchStack = Stack & { nextAuthSecret: string };

/** The production app on its own embedded database under .data/bench, so benchmarks never touch a user's data. */
export async function startBenchStack(): Promise<BenchStack> {
  const dataDir = path.join(ROOT, ".data", "bench");
  delete process.env.DATABASE_URL;
  const stack = await startStack({ port: await freePort(), host: "127.0.0.1", dataDir, dev: false, log: (line) => console.error(`[bench] ${line}`) });
  return { ...stack, nextAuthSecret: readOrCreateLocalSecrets(dataDir).nextAuthSecret };
}
