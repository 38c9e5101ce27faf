import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { isAlive } from "../../lib/db/embedded-postgres";
import { countStoredReviews, createReviewers, publicCardIds, runReviewLoad } from "../../scripts/support/review-load";
import { readOrCreateLocalSecrets } from "../../scripts/support/local-secrets";
import { childrenOf } from "../../scripts/support/process-tree";
import { ROOT, startStack, type Stack } from "../../scripts/support/stack";
import { findCardStatesDisagreeingWithLog } from "./support/card-state-audit";

const DATA_DIR = path.join(ROOT, ".data", "e2e-crash");
const log = (line: string) => console.log(`[crash] ${line}`);

function postmasterPid(): number {
  return Number(readFileSync(path.join(DATA_DIR, "postgres", "cluster", "postmaster.pid"), "utf8").split("\n")[0]);
}

async function start(port: number): Promise<Stack> {
  delete process.env.DATABASE_URL;
  return startStack({ port, host: "127.0.0.1", dataDir: DATA_DIR, dev: false, log });
}

it("kill -9 of the app and its database under load loses no acknowledged review and corrupts no card", async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  let stack = await start(port);
  const reviewers = await createReviewers(stack.databaseUrl, readOrCreateLocalSecrets(DATA_DIR).nextAuthSecret, 20, "crash");
  const cardIds = await publicCardIds(stack.databaseUrl, 600);

  let crashed = false;
  let acknowledgedBeforeCrash = 0;
  let restarted: Promise<void> | null = null;
  let orphans: number[] = [];
  const report = await runReviewLoad({
    baseUrl: stack.url,
    endpoint: "sync",
    reviewers,
    cardIds,
    durationMs: 40_000,
    onTick: (progress) => {
      if (crashed || progress.acknowledged.length < 100) return;
      crashed = true;
      acknowledgedBeforeCrash = progress.acknowledged.length;
      log(`killing app ${stack.app.pid} and postmaster ${postmasterPid()} after ${progress.acknowledged.length} acknowledged reviews`);
      orphans = childrenOf(stack.app.pid!);
      process.kill(postmasterPid(), "SIGKILL");
      stack.app.kill("SIGKILL");
      restarted = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        stack = await start(port);
        log("restarted");
      })();
    },
  });
  expect(crashed).toBe(true);
  await restarted;
  // Next.js, the killed server's child, went with it rather than living on with its connections.
  expect(orphans.length).toBeGreaterThan(0);
  await expect.poll(() => orphans.filter(isAlive), { timeout: 10_000 }).toEqual([]);

  log(`statuses ${JSON.stringify(report.statuses)}, ${report.acknowledged.length} acknowledged, ${acknowledgedBeforeCrash} before the crash`);
  expect(report.statuses.network ?? 0).toBeGreaterThan(0);
  expect(report.acknowledged.length).toBeGreaterThan(acknowledgedBeforeCrash);
  expect(await countStoredReviews(stack.databaseUrl, report.acknowledged)).toBe(report.acknowledged.length);
  const audit = await findCardStatesDisagreeingWithLog(
    stack.databaseUrl,
    reviewers.map((r) => r.userId),
  );
  expect(audit.disagreeing).toEqual([]);
  expect((await fetch(`${stack.url}/api/health`)).status).toBe(200);
  await stack.stop();
}, 600_000);
