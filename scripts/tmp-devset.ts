import { readdirSync, readFileSync } from "node:fs";
import { proposeArticleCandidates } from "../lib/generator/candidate-facts";
import { findContextFrame } from "../lib/generator/context-frame";
import { evaluateArticle } from "../lib/generator/evaluate-articles";
import { toSourceDocument } from "../lib/decks/article-text";
import { readFactBase } from "../seeds/facts";
const base = readFactBase();
for (const file of readdirSync("tests/articles").filter((f) => f.endsWith(".md") && f !== "README.md")) {
  const gold = JSON.parse(readFileSync(`tests/articles/${file.replace(/\.md$/, ".facts.json")}`, "utf8"));
  const doc = toSourceDocument(file, readFileSync(`tests/articles/${file}`, "utf8"));
  const frame = findContextFrame({ title: doc.meta?.title ?? file, text: doc.text, date: doc.meta?.date });
  const t = performance.now();
  const { candidates } = proposeArticleCandidates(doc, frame, base);
  const r = evaluateArticle(candidates, gold.facts);
  console.log(`${file}${gold.heldOut ? " (held out)" : ""}: ${candidates.length} cands, coverage ${(r.coverage * 100).toFixed(0)}% missed ${r.missed.join(",")} lint ${r.topLint.length} flagged ${r.flagged} ${(performance.now() - t).toFixed(0)}ms frame ${JSON.stringify(frame)}`);
}
