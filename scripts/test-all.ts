import { spawnSync } from "node:child_process";
import path from "node:path";

/** Every check `npm test` runs, in order from cheapest to slowest. */
const STEPS: { name: string; command: string[]; env?: Record<string, string> }[] = [
  { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
  { name: "format", command: ["npx", "prettier", "--check", "."] },
  { name: "lint", command: ["npx", "eslint", "."] },
  { name: "unit", command: ["npx", "vitest", "run", "--project", "unit"] },
  { name: "integration", command: ["npx", "vitest", "run", "--project", "integration"] },
  // The typecheck step has covered every file the production build compiles (see next.config.ts).
  { name: "end-to-end", command: ["npx", "vitest", "run", "--project", "e2e"], env: { TYPES_CHECKED_BY_TSC: "1" } },
];

const root = path.resolve(import.meta.dirname, "..");
const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of STEPS) {
  console.log(`\n=== ${step.name}: ${step.command.join(" ")}`);
  const started = Date.now();
  const [cmd, ...args] = step.command as [string, ...string[]];
  const run = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env } });
  results.push({ name: step.name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

console.log("\n=== Summary");
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(12)} ${r.seconds.toFixed(1)} s`);
const passed = results.filter((r) => r.ok).length;
console.log(`steps: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
