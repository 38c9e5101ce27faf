import path from "node:path";
import { readOrCreateLocalSecrets } from "../../scripts/support/local-secrets";
import { freePort, ROOT, startStack, type Stack } from "../../scripts/support/stack";

export type BenchStack = Stack & { nextAuthSecret: string };

/**
 * With BENCH_CPU_PROF=DIR the server writes a V8 CPU profile into DIR when the bench stops it (read it with
 * `npx tsx bench/cpu-profile-top.ts DIR/FILE.cpuprofile`). --cpu-prof writes only on a normal exit, so SIGTERM
 * is turned into one.
 */
function profilingArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return [];
  return ["--cpu-prof", `--cpu-prof-dir=${path.resolve(dir)}`, "--import", "data:text/javascript,process.on('SIGTERM',()=>process.exit(0))"];
}

/** The production app on its own embedded database under .data/bench, so benchmarks never touch a user's data. */
export async function startBenchStack(): Promise<BenchStack> {
  const dataDir = path.join(ROOT, ".data", "bench");
  delete process.env.DATABASE_URL;
  const log = (line: string) => console.error(`[bench] ${line}`);
  const stack = await startStack({ port: await freePort(), host: "127.0.0.1", dataDir, dev: false, log, nodeArgs: profilingArgs() });
  return { ...stack, nextAuthSecret: readOrCreateLocalSecrets(dataDir).nextAuthSecret };
}
