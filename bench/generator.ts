import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { proposeArticleCandidates } from "../lib/generator/candidate-facts";
import { findContextFrame } from "../lib/generator/context-frame";
import { generateCards } from "../lib/generator/generate";
import { readFactBase } from "../seeds/facts";
import type { SourceDocumentInput } from "../lib/generator/types";
import { readSeedSources } from "../seeds/load";
import { median, timeRuns } from "./support/timing";

/** About 1 MB of messy article text: the raw articles repeated, each copy named apart. */
function megabyteOfArticles(): SourceDocumentInput[] {
  // A git worktree sits one level deeper than the main checkout, so the shared articles' folder can be named.
  const dir = process.env.SHARED_SEEDS_DIR ?? path.resolve(import.meta.dirname, "..", "..", "shared", "seeds");
  const base = existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .map((file) => readFileSync(path.join(dir, file), "utf8"))
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

/** One pasted article of about 1 MB: the dev-set articles (tests/articles) one after another. */
export function megabyteArticle(): SourceDocumentInput {
  const dir = path.resolve(import.meta.dirname, "..", "tests", "articles");
  const bodies = readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file !== "README.md")
    .sort()
    .map((file) => readFileSync(path.join(dir, file), "utf8").replace(/^---[\s\S]*?---\n/, ""));
  let text = "";
  for (let i = 0; Buffer.byteLength(text) < 1_000_000; i++) text += `\n\n${bodies[i % bodies.length]}`;
  return { name: "A megabyte of NATO articles", text };
}

/** The teacher's Generate path: frame, fact-base matches and candidate facts for one 1 MB article. */
function measureArticleCandidates() {
  const reference = readFactBase();
  const article = megabyteArticle();
  const times = timeRuns(() => proposeArticleCandidates(article, findContextFrame({ title: article.name, text: article.text }), reference), 3);
  return { median: median(times), runs: times, bytes: Buffer.byteLength(article.text) };
}

/** Cards from all seeds, and from about 1 MB of raw articles. */
export function measureGenerator() {
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
    articleCandidatesOneMegabyteMs: measureArticleCandidates(),
  };
}
