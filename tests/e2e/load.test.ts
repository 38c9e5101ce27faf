import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, inject, it } from "vitest";
import { countStoredReviews, createReviewers, percentile, publicCardIds, runReviewLoad } from "../../scripts/support/review-load";
import { findCardStatesDisagreeingWithLog } from "./support/card-state-audit";

const REVIEWERS = 50;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);

it(`${REVIEWERS} reviewers grading for ${SECONDS} s: no 5xx, every acknowledged review stored, card states match their logs`, async () => {
  const databaseUrl = inject("databaseUrl");
  const reviewers = await createReviewers(databaseUrl, inject("nextAuthSecret"), REVIEWERS, "steady");
  const cardIds = await publicCardIds(databaseUrl, 600);
  const report = await runReviewLoad({ baseUrl: inject("baseUrl"), endpoint: "sync", reviewers, cardIds, durationMs: SECONDS * 1000 });

  const figures = {
    reviewers: REVIEWERS,
    seconds: Number(report.seconds.toFixed(1)),
    requests: report.latenciesMs.length,
    acknowledged: report.acknowledged.length,
    perSecond: Math.round(report.acknowledged.length / report.seconds),
    p50Ms: Number(percentile(report.latenciesMs, 50).toFixed(1)),
    p95Ms: Number(percentile(report.latenciesMs, 95).toFixed(1)),
    p99Ms: Number(percentile(report.latenciesMs, 99).toFixed(1)),
    statuses: report.statuses,
  };
  console.log(`[load] ${JSON.stringify(figures)}`);
  const out = path.resolve(import.meta.dirname, "../../bench/out");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "load-test.json"), `${JSON.stringify(figures, null, 2)}\n`);

  expect(Object.keys(report.statuses).filter((status) => status === "network" || Number(status) >= 500)).toEqual([]);
  expect(report.acknowledged.length).toBeGreaterThan(REVIEWERS);
  expect(new Set(report.acknowledged).size).toBe(report.acknowledged.length);
  expect(await countStoredReviews(databaseUrl, report.acknowledged)).toBe(report.acknowledged.length);
  const audit = await findCardStatesDisagreeingWithLog(
    databaseUrl,
    reviewers.map((r) => r.userId),
  );
  expect(audit.checked).toBeGreaterThan(0);
  expect(audit.disagreeing).toEqual([]);
}, 300_000);
