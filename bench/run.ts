import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureExamSimulator } from "./exam-simulator";
import { measureGenerator } from "./generator";
import { measureGradeLatency } from "./grade-latency";
import { measureGrading } from "./grading";
import { measureKeypressToPaint } from "./keypress-paint";
import { measurePageWeight } from "./page-weight";
import { measureQueueFor100kCards } from "./queue-100k";
import { measureReadLoad } from "./read-load";
import { measureScaleOut } from "./scale-out";
import { measureUploadIsolation } from "./upload-isolation";
import { startBenchStack, type BenchStack } from "./support/bench-stack";

/** Pure parts run in this process; the rest against the production app on its own embedded database. */
const OFFLINE = { generator: measureGenerator, grading: measureGrading, simulator: measureExamSimulator } as const;
const AGAINST_APP = {
  gradeLatency: (stack: BenchStack) => measureGradeLatency(stack, 10),
  readLoad: (stack: BenchStack) => measureReadLoad(stack, 10),
  // A new learner gets 20 new cards a day and their learning steps: about 44 grades before the queue is empty.
  keypressToPaint: (stack: BenchStack) => measureKeypressToPaint(stack, 40),
  queue100k: (stack: BenchStack) => measureQueueFor100kCards(stack, 9),
  pages: measurePageWeight,
  uploadIsolation: measureUploadIsolation,
  scaleOut: (stack: BenchStack) => measureScaleOut(stack, 15),
} as const;
const NAMES = [...Object.keys(OFFLINE), ...Object.keys(AGAINST_APP)];

/** `npm run bench -- --only generator,pages` measures those parts and keeps the other figures in results.json. */
function selectedParts(argv: string[]): string[] {
  const flag = argv.indexOf("--only");
  if (flag === -1) return NAMES;
  const picked = (argv[flag + 1] ?? "").split(",").filter(Boolean);
  const unknown = picked.filter((name) => !NAMES.includes(name));
  if (picked.length === 0 || unknown.length > 0) {
    console.error(`--only takes a comma-separated list of: ${NAMES.join(", ")}`);
    process.exit(2);
  }
  return picked;
}

const RESULTS = path.join(import.meta.dirname, "results.json");
const parts = selectedParts(process.argv.slice(2));
const results: Record<string, unknown> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {};
results.machine = `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`;
results.measuredAt = new Date().toISOString();

for (const [name, measure] of Object.entries(OFFLINE)) {
  if (parts.includes(name)) Object.assign(results, measure());
}
const appParts = Object.entries(AGAINST_APP).filter(([name]) => parts.includes(name));
if (appParts.length > 0) {
  const stack = await startBenchStack();
  try {
    for (const [name, measure] of appParts) {
      console.error(`[bench] measuring ${name}…`);
      results[name] = await measure(stack);
    }
  } finally {
    await stack.stop();
  }
}
console.log(JSON.stringify(results, null, 2));
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
