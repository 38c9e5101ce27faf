import { createReviewers, openStudyScreens, percentile, publicCardIds, runReviewLoad, withClient, type LoadReport } from "../scripts/support/review-load";
import { runFloorLoad } from "./grade-floor";
import { appCpuMs, findPostmaster, ownCpuMs, postgresCpuMs } from "./support/process-cpu";
import type { BenchStack } from "./support/bench-stack";

const CONCURRENCY = [1, 10, 50] as const;
/** A learner reads a card for several seconds; one grade every 2 s each is a busy class, not an idle one. */
const PACED_MS = 2000;

/** "floor" is the grade's SQL over bare `pg` (bench/grade-floor.ts); the others go through the app over HTTP. */
type Run = { endpoint: "floor" | "sync" | "grade"; reviewers: number; paceMs: number };

/**
 * Vacuums and analyzes the tables grades write, so that autovacuum, set off by the rows earlier cells and runs
 * left (the bench database keeps them all: 919,000 reviews after one day's runs), does not start inside a cell
 * and count as that cell's PostgreSQL work: it ran on ReviewLog and CardState during three runs back to back,
 * in which two cells of one run doing the same writes took 1.47 and 0.87 ms of PostgreSQL CPU a grade.
 */
function settleTables(databaseUrl: string) {
  return withClient(databaseUrl, (client) => client.query(`VACUUM (ANALYZE) "ReviewLog", "CardState", "User"`));
}

/**
 * CPU per grade beside the latencies: the Node.js side (the app's server process, or for the floor the bench
 * process, which then does nothing else) and PostgreSQL (every backend), so "app ÷ floor" compares the same work.
 */
async function measure(stack: BenchStack, postmaster: number, cardIds: string[], run: Run, seconds: number) {
  const created = await createReviewers(stack.databaseUrl, stack.nextAuthSecret, run.reviewers, `bench-${run.endpoint}-${run.reviewers}`);
  const reviewers = run.endpoint === "sync" ? await openStudyScreens(stack.url, created) : created;
  const nodeCpu = run.endpoint === "floor" ? ownCpuMs : () => appCpuMs(stack.app.pid!);
  await settleTables(stack.databaseUrl);
  const before = { node: nodeCpu(), postgres: postgresCpuMs(postmaster), client: ownCpuMs() };
  const durationMs = seconds * 1000;
  const report: LoadReport =
    run.endpoint === "floor"
      ? await runFloorLoad({ databaseUrl: stack.databaseUrl, reviewers, cardIds, durationMs })
      : await runReviewLoad({ baseUrl: stack.url, endpoint: run.endpoint, reviewers, cardIds, durationMs, paceMs: run.paceMs });
  // The floor closes its connections at the end; their backends' CPU reaches the postmaster's total once reaped.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const grades = report.acknowledged.length;
  const perGrade = (ms: number) => Number((ms / Math.max(1, grades)).toFixed(2));
  const failed = Object.entries(report.statuses)
    .filter(([status]) => status !== "200")
    .reduce((sum, [, n]) => sum + n, 0);
  const row = {
    ...run,
    requests: report.latenciesMs.length,
    failed,
    perSecond: Math.round(grades / report.seconds),
    p50Ms: Number(percentile(report.latenciesMs, 50).toFixed(1)),
    p95Ms: Number(percentile(report.latenciesMs, 95).toFixed(1)),
    p99Ms: Number(percentile(report.latenciesMs, 99).toFixed(1)),
    nodeCpuMsPerGrade: perGrade(nodeCpu() - before.node),
    postgresCpuMsPerGrade: perGrade(postgresCpuMs(postmaster) - before.postgres),
    // The load generator shares the two cores with the server: what it spends is CPU the app cannot have.
    clientCpuMsPerGrade: run.endpoint === "floor" ? 0 : perGrade(ownCpuMs() - before.client),
  };
  console.error(`[bench] ${JSON.stringify(row)}`);
  return row;
}

type Row = Awaited<ReturnType<typeof measure>>;

/** App ÷ floor at the same number of reviewers: throughput, p95 and CPU per grade (Node.js + PostgreSQL). */
function ratios(rows: Row[]) {
  return rows
    .filter((row) => row.endpoint !== "floor" && row.paceMs === 0)
    .map((row) => {
      const floor = rows.find((other) => other.endpoint === "floor" && other.reviewers === row.reviewers)!;
      const cpu = (r: Row) => r.nodeCpuMsPerGrade + r.postgresCpuMsPerGrade;
      return {
        endpoint: row.endpoint,
        reviewers: row.reviewers,
        throughput: Number((row.perSecond / floor.perSecond).toFixed(2)),
        p95: Number((row.p95Ms / floor.p95Ms).toFixed(2)),
        cpuPerGrade: Number((cpu(row) / cpu(floor)).toFixed(2)),
      };
    });
}

/**
 * Grade requests through the real HTTP stack beside the floor: for 1, 10 and 50 reviewers grading back to back,
 * the bare-`pg` floor, the study screen's endpoint (/api/reviews/sync, one review per batch) and the single-grade
 * API, then 50 reviewers at a learner's pace on each endpoint (the latency a class sees).
 */
export async function measureGradeLatency(stack: BenchStack, secondsEach: number) {
  const cardIds = await publicCardIds(stack.databaseUrl, 600);
  const postmaster = await findPostmaster(stack.databaseUrl);
  const rows: Row[] = [];
  for (const reviewers of CONCURRENCY) {
    for (const endpoint of ["floor", "sync", "grade"] as const)
      rows.push(await measure(stack, postmaster, cardIds, { endpoint, reviewers, paceMs: 0 }, secondsEach));
  }
  for (const endpoint of ["sync", "grade"] as const)
    rows.push(await measure(stack, postmaster, cardIds, { endpoint, reviewers: 50, paceMs: PACED_MS }, secondsEach * 2));
  return { rows, appOverFloor: ratios(rows) };
}
