import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { send } from "../scripts/support/load-client";
import { createReviewers, openStudyScreens, percentile, publicCardIds, runReviewLoad, type Reviewer } from "../scripts/support/review-load";
import { freePort } from "../scripts/support/stack";
import { seedReviews } from "./grade-floor";
import { appCpuMs, findPostmaster, postgresCpuMs } from "./support/process-cpu";
import { startBenchStack, type BenchStack } from "./support/bench-stack";

/*
 * "N× today's requests per second" measured in one run on one machine state: this checkout's production build and
 * an older one (a git worktree of an earlier commit, built with `next build`), on the same database and data, asked
 * in turns at 50 connections. Usage:
 *   npx tsx --conditions=react-server bench/compare-builds.ts /path/to/old-checkout [rounds] [what,...]
 * where `what` is any of queue, dashboard, grades (the study screen's /api/reviews/sync, one review a request).
 */
const WHAT = { queue: "/api/study/queue", dashboard: "/dashboard", grades: "/api/reviews/sync" } as const;
const argsSchema = z.tuple([
  z.string().refine((dir) => existsSync(path.join(dir, ".next", "BUILD_ID")), "the old checkout has no production build (.next/BUILD_ID)"),
  z.coerce.number().int().min(1).max(20).default(3),
  z
    .string()
    .default("queue,grades")
    .transform((list) => list.split(","))
    .pipe(z.array(z.enum(["queue", "dashboard", "grades"]))),
]);
const parsed = argsSchema.safeParse([process.argv[2], process.argv[3], process.argv[4]]);
if (!parsed.success) {
  console.error(`compare-builds: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  console.error("usage: bench/compare-builds.ts OLD_CHECKOUT [rounds 1-20] [queue,dashboard,grades]");
  process.exit(2);
}
const [oldDir, rounds, what] = parsed.data;
const CONNECTIONS = 50;
const SECONDS = 10;

/** The old build's server on the bench database; older checkouts have no scripts/serve.mjs, only `next start`. */
async function startOldServer(stack: BenchStack) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const serve = path.join(oldDir, "scripts", "serve.mjs");
  const command = existsSync(serve)
    ? [serve]
    : [path.join(oldDir, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  const env = {
    ...process.env,
    DATABASE_URL: stack.databaseUrl,
    NEXTAUTH_SECRET: stack.nextAuthSecret,
    NEXTAUTH_URL: url,
    PORT: String(port),
    HOST: "127.0.0.1",
  };
  const app = spawn(process.execPath, command, { cwd: oldDir, stdio: ["ignore", "ignore", "inherit"], env });
  for (let attempt = 0; attempt < 120 && (await send(`${url}/api/health`))?.status !== 200; attempt++) await new Promise((r) => setTimeout(r, 1000));
  return { url, pid: app.pid!, stop: () => app.kill("SIGTERM") };
}

async function readLoad(url: string, readers: Reviewer[], route: string) {
  const latencies: number[] = [];
  const deadline = Date.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    readers.map(async ({ cookie }) => {
      while (Date.now() < deadline) {
        const sent = performance.now();
        if ((await send(`${url}${route}`, { headers: { cookie } }))?.status === 200) latencies.push(performance.now() - sent);
      }
    }),
  );
  return { done: latencies.length, seconds: (performance.now() - started) / 1000, latencies };
}

const stack = await startBenchStack();
const old = await startOldServer(stack);
try {
  const cardIds = await publicCardIds(stack.databaseUrl, 600);
  const readers = await createReviewers(stack.databaseUrl, stack.nextAuthSecret, CONNECTIONS, "compare-reader");
  await seedReviews(stack.databaseUrl, readers, cardIds, 60);
  const postmaster = await findPostmaster(stack.databaseUrl);
  const measure = async (server: { url: string; pid: number }, item: keyof typeof WHAT) => {
    const graders =
      item === "grades"
        ? await openStudyScreens(server.url, await createReviewers(stack.databaseUrl, stack.nextAuthSecret, CONNECTIONS, `compare-${server.pid}`))
        : [];
    const cpuBefore = appCpuMs(server.pid);
    const postgresBefore = postgresCpuMs(postmaster);
    const result =
      item === "grades"
        ? await runReviewLoad({
            baseUrl: server.url,
            endpoint: "sync",
            reviewers: graders,
            cardIds,
            durationMs: SECONDS * 1000,
          }).then((report) => ({ done: report.acknowledged.length, seconds: report.seconds, latencies: report.latenciesMs }))
        : await readLoad(server.url, readers, WHAT[item]);
    const cpuMs = appCpuMs(server.pid) - cpuBefore;
    const postgresMs = postgresCpuMs(postmaster) - postgresBefore;
    return {
      perSecond: Math.round(result.done / result.seconds),
      p95Ms: Math.round(percentile(result.latencies, 95)),
      cpuMsEach: Number((cpuMs / Math.max(1, result.done)).toFixed(1)),
      postgresCpuMsEach: Number((postgresMs / Math.max(1, result.done)).toFixed(1)),
    };
  };
  for (let round = 1; round <= rounds; round++) {
    for (const item of what) {
      const before = await measure(old, item);
      const after = await measure({ url: stack.url, pid: stack.app.pid! }, item);
      console.log(
        JSON.stringify({ round, what: item, old: before, current: after, ratio: Number((after.perSecond / Math.max(1, before.perSecond)).toFixed(2)) }),
      );
    }
  }
} finally {
  old.stop();
  await stack.stop();
}
