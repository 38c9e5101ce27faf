import { send } from "../scripts/support/load-client";
import { createReviewers, percentile, publicCardIds, type Reviewer } from "../scripts/support/review-load";
import { seedReviews } from "./grade-floor";
import { appCpuMs, findPostmaster, postgresCpuMs } from "./support/process-cpu";
import type { BenchStack } from "./support/bench-stack";

/** What a learner reads most: the study screen's queue, and the Dashboard page (server-rendered HTML). */
const READS = [
  { name: "studyQueue", path: "/api/study/queue" },
  { name: "dashboard", path: "/dashboard" },
] as const;
const CONNECTIONS = 50;
/** Reviews each reader has made before reading, so queues hold due cards and the dashboard has history to count. */
const HISTORY = 60;

/** Every reader asks for `path` back to back for `durationMs`, one request at a time. */
async function runReadLoad(baseUrl: string, path: string, readers: Reviewer[], durationMs: number) {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const deadline = Date.now() + durationMs;
  await Promise.all(
    readers.map(async ({ cookie }) => {
      while (Date.now() < deadline) {
        const sent = performance.now();
        const response = await send(`${baseUrl}${path}`, { headers: { cookie } });
        const status = String(response?.status ?? "network");
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === "200") latenciesMs.push(performance.now() - sent);
      }
    }),
  );
  return { latenciesMs, statuses, seconds: (performance.now() - started) / 1000 };
}

/**
 * Reads at 50 connections, each its own learner with a history of reviews: requests per second, p50/p95/p99
 * and the server's CPU per read, for the study queue and the Dashboard.
 */
export async function measureReadLoad(stack: BenchStack, secondsEach: number) {
  const cardIds = await publicCardIds(stack.databaseUrl, 600);
  const readers = await createReviewers(stack.databaseUrl, stack.nextAuthSecret, CONNECTIONS, "bench-reader");
  await seedReviews(stack.databaseUrl, readers, cardIds, HISTORY);
  const postmaster = await findPostmaster(stack.databaseUrl);
  const rows = [];
  for (const read of READS) {
    const cpuBefore = appCpuMs(stack.app.pid!);
    const postgresBefore = postgresCpuMs(postmaster);
    const report = await runReadLoad(stack.url, read.path, readers, secondsEach * 1000);
    const reads = report.latenciesMs.length;
    const row = {
      read: read.name,
      connections: CONNECTIONS,
      reads,
      statuses: report.statuses,
      perSecond: Math.round(reads / report.seconds),
      p50Ms: Number(percentile(report.latenciesMs, 50).toFixed(1)),
      p95Ms: Number(percentile(report.latenciesMs, 95).toFixed(1)),
      p99Ms: Number(percentile(report.latenciesMs, 99).toFixed(1)),
      nodeCpuMsPerRead: Number(((appCpuMs(stack.app.pid!) - cpuBefore) / Math.max(1, reads)).toFixed(2)),
      postgresCpuMsPerRead: Number(((postgresCpuMs(postmaster) - postgresBefore) / Math.max(1, reads)).toFixed(2)),
    };
    console.error(`[bench] ${JSON.stringify(row)}`);
    rows.push(row);
  }
  return rows;
}
