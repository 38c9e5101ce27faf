import { createReviewers, percentile, publicCardIds, runReviewLoad } from "../scripts/support/review-load";
import type { BenchStack } from "./support/bench-stack";

const CONCURRENCY = [1, 10, 50] as const;
/** A learner reads a card for several seconds; one grade every 2 s each is a busy class, not an idle one. */
const PACED_MS = 2000;

type Run = { endpoint: "sync" | "grade"; reviewers: number; paceMs: number };

async function measure(stack: BenchStack, cardIds: string[], run: Run, seconds: number) {
  const reviewers = await createReviewers(stack.databaseUrl, stack.nextAuthSecret, run.reviewers, `bench-${run.endpoint}-${run.reviewers}`);
  const report = await runReviewLoad({ baseUrl: stack.url, endpoint: run.endpoint, reviewers, cardIds, durationMs: seconds * 1000, paceMs: run.paceMs });
  const failed = Object.entries(report.statuses).filter(([status]) => status !== "200").reduce((sum, [, n]) => sum + n, 0);
  const row = {
    ...run,
    requests: report.latenciesMs.length,
    failed,
    perSecond: Math.round(report.acknowledged.length / report.seconds),
    p50Ms: Number(percentile(report.latenciesMs, 50).toFixed(1)),
    p95Ms: Number(percentile(report.latenciesMs, 95).toFixed(1)),
    p99Ms: Number(percentile(report.latenciesMs, 99).toFixed(1)),
  };
  console.error(`[bench] ${JSON.stringify(row)}`);
  return row;
}

/**
 * Grade requests through the real HTTP stack: the study screen's endpoint (/api/reviews/sync, one review per
 * batch) and the single-grade API, each with 1, 10 and 50 reviewers grading back to back (throughput), then 50
 * reviewers at a learner's pace (the latency a class sees).
 */
export async function measureGradeLatency(stack: BenchStack, secondsEach: number) {
  const cardIds = await publicCardIds(stack.databaseUrl, 600);
  const rows = [];
  for (const endpoint of ["sync", "grade"] as const) {
    for (const reviewers of CONCURRENCY) rows.push(await measure(stack, cardIds, { endpoint, reviewers, paceMs: 0 }, secondsEach));
    rows.push(await measure(stack, cardIds, { endpoint, reviewers: 50, paceMs: PACED_MS }, secondsEach * 2));
  }
  return rows;
}
