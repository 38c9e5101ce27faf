import { fail, ok, type ActionResult } from "@/lib/errors";
import type { ArticleCandidates } from "@/lib/generator/candidate-facts";
import type { WorkerRefusal } from "@/lib/untrusted/limits";
import { runInWorker, type WorkerTask } from "@/lib/untrusted/run-in-worker";
import type { SourceDocumentInput } from "@/lib/generator/types";
import type { proposeCandidatesForArticle } from "./article-candidates";

type ArticleInput = Parameters<typeof proposeCandidatesForArticle>[0];

// The longest article allowed (300,000 characters) gives a few thousand candidates in well under 20 s.
const ARTICLE_TASK: WorkerTask<ArticleInput, ActionResult<ArticleCandidates>> = {
  entry: "lib/decks/article-task.ts",
  subject: "This article",
  limits: { timeMs: 20_000, memoryMb: 512, rows: 20_000 },
};

// Stripping tags from 300,000 characters of HTML is quick, unless the HTML is built to make the regexes backtrack.
const ARTICLE_TEXT_TASK: WorkerTask<{ name: string; text: string }, SourceDocumentInput> = {
  entry: "lib/decks/article-text-task.ts",
  subject: "This article",
  limits: { timeMs: 10_000, memoryMb: 256, rows: 0 },
};

const asFailure = (refusal: WorkerRefusal) =>
  fail(refusal.code, refusal.message, refusal.retryAfterSeconds ? { retryAfterSeconds: refusal.retryAfterSeconds } : {});

/** `proposeCandidatesForArticle` in a worker thread, so a long or hostile article never stalls other users. */
export async function proposeCandidatesInWorker(input: ArticleInput): Promise<ActionResult<ArticleCandidates>> {
  const outcome = await runInWorker(ARTICLE_TASK, input);
  return outcome.ok ? outcome.data : asFailure(outcome);
}

/** `toSourceDocument` (HTML or Markdown to plain text) in a worker thread, for the AI assistant's article. */
export async function toSourceDocumentInWorker(name: string, text: string): Promise<ActionResult<SourceDocumentInput>> {
  const outcome = await runInWorker(ARTICLE_TEXT_TASK, { name, text });
  return outcome.ok ? ok(outcome.data) : asFailure(outcome);
}
