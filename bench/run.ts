import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCards } from "../lib/generator/generate";
import type { SourceDocumentInput } from "../lib/generator/types";
import { gradeCard } from "../lib/srs/grade";
import { schedulerSettingsSchema } from "../lib/srs/settings";
import { readSeedSources } from "../seeds/load";

const RUNS = 5;

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
  const dir = path.resolve(import.meta.dirname, "..", "..", "shared", "seeds");
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

const seeds = readSeedSources();
const seedTimes = timeRuns(() => generateCards(seeds));
const megabyte = megabyteOfArticles();
const megabyteTimes = timeRuns(() => generateCards(megabyte), 3);

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

const results = {
  machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  measuredAt: new Date().toISOString(),
  generatorSeedsMs: { median: median(seedTimes), runs: seedTimes },
  generatorOneMegabyteMs: { median: median(megabyteTimes), runs: megabyteTimes, documents: megabyte.length },
  gradeCardPerSecond: Math.round(10_000 / (median(gradeTimes) / 1000)),
};
console.log(JSON.stringify(results, null, 2));
writeFileSync(path.join(import.meta.dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
