import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

it("a process that loads the embedded database keeps its failing exit code (so failed test runs fail)", () => {
  const script = `import("./lib/db/embedded-postgres.ts").then(() => { process.exitCode = 3; });`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(3);
});
