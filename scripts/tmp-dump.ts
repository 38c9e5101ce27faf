import { readFileSync } from "node:fs";
import { proposeArticleCandidates } from "../lib/generator/candidate-facts";
import { findContextFrame } from "../lib/generator/context-frame";
import { toSourceDocument } from "../lib/decks/article-text";
import { readFactBase } from "../seeds/facts";
const base = readFactBase();
for (const file of process.argv.slice(2)) {
  const doc = toSourceDocument(file, readFileSync(file, "utf8"));
  const frame = findContextFrame({ title: doc.meta?.title ?? file, text: doc.text, date: doc.meta?.date });
  const { candidates } = proposeArticleCandidates(doc, frame, base);
  console.log(`\n##### Article: ${file.split("/").pop()} — context frame shown to the teacher: ${JSON.stringify(frame)}`);
  candidates.slice(0, 20).forEach((c, i) => {
    console.log(`\n[${file.split("/").pop()!.slice(0, 2)}-${i + 1}] (${c.card.kind}${c.flag ? ", FLAGGED: " + c.flag.claim + " / record: " + c.flag.correction : ""})\nQ: ${c.card.prompt}\nA: ${c.card.answer}${c.card.choices?.length ? `\nOptions: ${c.card.choices.join(" | ")}` : ""}\nBack: ${c.card.explanation}\nSource sentence: ${c.card.source.sentence}`);
  });
}
