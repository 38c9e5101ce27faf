import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "@/lib/generator/front-matter";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const SOURCES = path.join(ROOT, "seeds", "sources");
const GOLD = path.join(ROOT, "tests", "gold");
const RAW = path.resolve(ROOT, "..", "shared", "seeds");
const RUN = 10;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const seedFiles = readdirSync(SOURCES).filter((file) => file.endsWith(".md"));

describe("seeds/sources", () => {
  it("carries complete front matter on every source", () => {
    expect(seedFiles.length).toBeGreaterThanOrEqual(5);
    for (const file of seedFiles) {
      const { meta, body } = parseFrontMatter(readFileSync(path.join(SOURCES, file), "utf8"));
      expect(meta.title, file).toBeTruthy();
      expect(meta.publisher, file).toBeTruthy();
      expect(meta.date, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(["news report", "press conference", "encyclopedia entry"], file).toContain(meta.kind);
      expect(meta.original, file).toMatch(/\.txt$/);
      expect(body.trim().length, file).toBeGreaterThan(0);
    }
  });

  it("has a gold file per source, pointing at the seed that restates the same article", () => {
    const golds = readdirSync(GOLD).filter((file) => file.endsWith(".json"));
    expect(golds).toHaveLength(seedFiles.length);
    for (const file of golds) {
      const gold = JSON.parse(readFileSync(path.join(GOLD, file), "utf8")) as { original: string; seed: string; facts: { id: string; keywords: string[] }[] };
      const { meta } = parseFrontMatter(readFileSync(path.join(SOURCES, gold.seed), "utf8"));
      expect(meta.original, file).toBe(gold.original);
      expect(new Set(gold.facts.map((fact) => fact.id)).size, file).toBe(gold.facts.length);
      for (const fact of gold.facts) expect(fact.keywords.length, `${file}#${fact.id}`).toBeGreaterThan(0);
    }
  });

  it.skipIf(!existsSync(RAW))(`never repeats ${RUN} consecutive words of a raw article`, () => {
    const runs = new Set<string>();
    for (const file of readdirSync(RAW)) {
      const raw = words(readFileSync(path.join(RAW, file), "utf8"));
      for (let i = 0; i + RUN <= raw.length; i++) runs.add(raw.slice(i, i + RUN).join(" "));
    }
    for (const file of seedFiles) {
      const seed = words(readFileSync(path.join(SOURCES, file), "utf8"));
      const copied = seed.map((_, i) => seed.slice(i, i + RUN).join(" ")).filter((run, i) => i + RUN <= seed.length && runs.has(run));
      expect(copied, file).toEqual([]);
    }
  });
});
