import "server-only";
import path from "node:path";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { proposeArticleCandidates, reconcileFrame, type ArticleCandidates, type ReferenceFacts } from "@/lib/generator/candidate-facts";
import { findContextFrame, type ContextFrame } from "@/lib/generator/context-frame";
import { isEnglish } from "@/lib/generator/language";
import { readFactBase } from "@/seeds/facts";
import { toSourceDocument } from "./article-text";

let reference: ReferenceFacts | undefined;

/** The shipped fact base, read once per process from the checkout the server runs in. */
function loadReferenceFacts(): ReferenceFacts {
  reference ??= readFactBase(undefined, path.join(process.cwd(), "seeds"));
  return reference;
}

/**
 * Candidates for a pasted article: its context frame (the teacher's correction when given), then facts of the
 * shipped base it restates and its own sentences as facts, each checked against the base. Refuses text that is
 * not English, since the generator reads English only, rather than returning nothing without a reason.
 */
export function proposeCandidatesForArticle(input: { name: string; text: string; frame?: ContextFrame }): ActionResult<ArticleCandidates> {
  const doc = toSourceDocument(input.name, input.text);
  const paragraphs = doc.text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim().length >= 50);
  if (paragraphs.length > 0 && paragraphs.every((paragraph) => !isEnglish(paragraph))) {
    return fail("invalid_input", "The article is not in English. The generator reads English articles only.", {
      fieldErrors: { text: ["The article is not in English. The generator reads English articles only."] },
    });
  }
  const title = doc.meta?.title ?? (doc.name === input.name ? (doc.text.split("\n").find((line) => line.trim()) ?? doc.name) : doc.name);
  const reference = loadReferenceFacts();
  // The teacher's own frame is kept as given; a frame read from the article is checked against the fact base.
  const frame = input.frame ?? reconcileFrame(findContextFrame({ title, text: doc.text, date: doc.meta?.date }), reference.facts);
  const result = proposeArticleCandidates(doc, frame, reference);
  if (result.candidates.length + result.weaker.length === 0)
    return fail("invalid_input", "No cards could be made from that text. Paste a whole article with full sentences about NATO.");
  return ok(result);
}
