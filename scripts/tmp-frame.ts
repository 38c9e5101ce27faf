import { readFileSync, readdirSync } from "node:fs";
import { findContextFrame, framePhrase } from "../lib/generator/context-frame";
import { toSourceDocument } from "../lib/decks/article-text";
for (const f of readdirSync("/work/shared/seeds")) {
  const text = readFileSync(`/work/shared/seeds/${f}`, "utf8");
  const doc = toSourceDocument(f, text);
  const title = text.split("\n").find((l) => l.trim()) ?? f;
  const frame = findContextFrame({ title, text: doc.text });
  console.log(f, JSON.stringify(frame), "|", framePhrase(frame));
}
