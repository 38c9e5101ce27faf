import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCards } from "../lib/generator/generate";
import type { SourceDocumentInput } from "../lib/generator/types";
import { gradeCard } from "../lib/srs/grade";
import { schedulerSettingsSchema } from "../lib/srs/settings";
import { readSeedSources } from "../seeds/load";

const RUNS = 5;
/** `npm run bench -- --only generator` measures the generator and keeps the other figures in results.json. */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const RESULTS = path.join(import.meta.dirname, "results.json");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeRuns(work: () => void, runs = RUNS): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times;
}

/** About 1 MB of messy article text: the raw articles repeated, each copy named apart. */
function megabyteOfArticles(): SourceDocumentInput[] {
  // A git worktree sits one level deeper than the main checkout, so the shared articles' folder can be named.
  const dir = process.env.SHARED_SEEDS_DIR ?? path.resolve(import.meta.dirname, "..", "..", "shared", "seeds");
  const base = existsSync(dir)
    ? readdirSync(dir).sort().map((file) => readFileSync(path.join(dir, file), "utf8"))
    : readSeedSources().map((doc) => doc.text);
  const docs: SourceDocumentInput[] = [];
  let bytes = 0;
  for (let copy = 0; bytes < 1_000_000; copy++) {
    for (const [i, text] of base.entries()) {
      docs.push({ name: `article-${copy}-${i}`, text });
      bytes += Buffer.byteLength(text);
    }
  }
  return docs;
}

function measureGenerator() {
  const seeds = readSeedSources();
  const seedTimes = timeRuns(() => generateCards(seeds));
  const megabyte = megabyteOfArticles();
  const megabyteTimes = timeRuns(() => generateCards(megabyte), 3);
  // The megabyte repeats a few articles, and one run parses a repeated sentence once. Fed one copy per
  // run, no sentence is met twice in a run: the cost of a megabyte of text that never repeats itself.
  const copies = new Map<string, SourceDocumentInput[]>();
  for (const doc of megabyte) {
    const copy = doc.name.replace(/-\d+$/, "");
    copies.set(copy, [...(copies.get(copy) ?? []), doc]);
  }
  const distinctTimes = timeRuns(() => {
    for (const copy of copies.values()) generateCards(copy);
  }, 3);
  return {
    generatorSeedsMs: { median: median(seedTimes), runs: seedTimes },
    generatorOneMegabyteMs: { median: median(megabyteTimes), runs: megabyteTimes, documents: megabyte.length },
    generatorOneMegabyteOneCopyPerRunMs: { median: median(distinctTimes), runs: distinctTimes, generatorRuns: copies.size },
  };
}

function measureGrading() {
  const settings = schedulerSettingsSchema.parse({});
  const start = new Date("2026-01-05T09:00:00Z");
  const gradeTimes = timeRuns(() => {
    let state = null;
    let now = start;
    for (let i = 0; i < 10_000; i++) {
      const { next } = gradeCard(state, ((i % 4) + 1) as 1 | 2 | 3 | 4, now, settings);
      state = next;
      now = new Date(Math.max(next.due.getTime(), now.getTime() + 60_000));
    }
  });
  return { gradeCardPerSecond: Math.round(10_000 / (median(gradeTimes) / 1000)) };
}

const earlier = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>) : {};
const results = {
  ...(only ? earlier : {}),
  machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  measuredAt: new Date().toISOString(),
  ...(!only || only === "generator" ? measureGenerator() : {}),
  ...(!only || only === "grading" ? measureGrading() : {}),
};
console.log(JSON.stringify(results, null, 2));
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
