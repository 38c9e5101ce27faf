import { startRoundRobinProxy } from "../scripts/support/round-robin-proxy";
import { createReviewers, percentile, publicCardIds, runReviewLoad, type Reviewer } from "../scripts/support/review-load";
import { freePort, startAppServer } from "../scripts/support/stack";
import type { BenchStack } from "./support/bench-stack";

const CONNECTIONS = 50;

/** Every reader asks for its study queue back to back for `durationMs`: answers per second and latency. */
async function readQueues(baseUrl: string, readers: Reviewer[], durationMs: number) {
  const latencies: number[] = [];
  let failed = 0;
  const deadline = Date.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    readers.map(async ({ cookie }) => {
      while (Date.now() < deadline) {
        const sent = performance.now();
        const response = await fetch(`${baseUrl}/api/study/queue`, { headers: { cookie } }).catch(() => null);
        await response?.arrayBuffer();
        if (response?.ok) latencies.push(performance.now() - sent);
        else failed += 1;
      }
    }),
  );
  return { latencies, failed, seconds: (performance.now() - started) / 1000 };
}

const figures = (latencies: number[], perSecond: number, failed: number) => ({
  perSecond: Math.round(perSecond),
  failed,
  p50Ms: Number(percentile(latencies, 50).toFixed(1)),
  p95Ms: Number(percentile(latencies, 95).toFixed(1)),
});

/**
 * Grades (the study screen's sync, one review a request) and study-queue reads per second at 50 connections,
 * through a round-robin proxy in front of one app process and then in front of two on the same database, so the
 * proxy's own cost is in both figures.
 */
export async function measureScaleOut(stack: BenchStack, secondsEach: number) {
  const cardIds = await publicCardIds(stack.databaseUrl, 600);
  const second = await startAppServer({
    port: await freePort(),
    host: "127.0.0.1",
    dev: false,
    databaseUrl: stack.databaseUrl,
    nextAuthSecret: stack.nextAuthSecret,
  });
  const rows = [];
  try {
    for (const upstreams of [[stack.url], [stack.url, second.url]]) {
      const proxy = await startRoundRobinProxy(upstreams);
      try {
        const label = `bench-scale-${upstreams.length}`;
        const graders = await createReviewers(stack.databaseUrl, stack.nextAuthSecret, CONNECTIONS, `${label}-grade`);
        const grades = await runReviewLoad({ baseUrl: proxy.url, endpoint: "sync", reviewers: graders, cardIds, durationMs: secondsEach * 1000 });
        const gradeFailures = Object.entries(grades.statuses)
          .filter(([status]) => status !== "200")
          .reduce((sum, [, n]) => sum + n, 0);
        const readers = await createReviewers(stack.databaseUrl, stack.nextAuthSecret, CONNECTIONS, `${label}-read`);
        const reads = await readQueues(proxy.url, readers, secondsEach * 1000);
        const row = {
          processes: upstreams.length,
          connections: CONNECTIONS,
          grades: figures(grades.latenciesMs, grades.acknowledged.length / grades.seconds, gradeFailures),
          queueReads: figures(reads.latencies, reads.latencies.length / reads.seconds, reads.failed),
        };
        console.error(`[bench] ${JSON.stringify(row)}`);
        rows.push(row);
      } finally {
        await proxy.close();
      }
    }
  } finally {
    await second.stop();
  }
  return rows;
}
