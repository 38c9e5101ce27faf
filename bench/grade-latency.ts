import { createReviewers, percentile, publicCardIds, runReviewLoad } from "../scripts/support/review-load";
import type { BenchStack } from "./support/bench-stack";

const CONCURRENCY = [1, 10, 50] as const;

/** Grade request latency and throughput through the real HTTP stack at 1, 10 and 50 concurrent reviewers. */
export async function measureGradeLatency(stack: BenchStack, secondsEach: number) {
  const cardIds = await publicCardIds(stack.databaseUrl, 600);
  const rows = [];
  for (const reviewersCount of CONCURRENCY) {
    const reviewers = await createReviewers(stack.databaseUrl, stack.nextAuthSecret, reviewersCount, `bench${reviewersCount}`);
    const report = await runReviewLoad({ baseUrl: stack.url, reviewers, cardIds, durationMs: secondsEach * 1000 });
    const failed = Object.entries(report.statuses).filter(([status]) => status !== "200").reduce((sum, [, n]) => sum + n, 0);
    rows.push({
      reviewers: reviewersCount,
      requests: report.latenciesMs.length,
      failed,
      perSecond: Math.round(report.acknowledged.length / report.seconds),
      p50Ms: Number(percentile(report.latenciesMs, 50).toFixed(1)),
      p95Ms: Number(percentile(report.latenciesMs, 95).toFixed(1)),
      p99Ms: Number(percentile(report.latenciesMs, 99).toFixed(1)),
    });
    console.error(`[bench] grade at ${reviewersCount}: ${JSON.stringify(rows.at(-1))}`);
  }
  return rows;
}
