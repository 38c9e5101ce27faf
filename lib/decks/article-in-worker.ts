import type { ActionResult } from "@/lib/errors";
import type { ArticleCandidates } from "@/lib/generator/candidate-facts";
import { runInWorker, type WorkerTask } from "@/lib/untrusted/run-in-worker";
import type { proposeCandidatesForArticle } from "./article-candidates";

type ArticleInput = Parameters<typeof proposeCandidatesForArticle>[0];

// The longest article allowed (300,000 characters) gives a few thousand candidates in well under 20 s.
const ARTICLE_TASK: WorkerTask<ArticleInput, ActionResult<ArticleCandidates>> = {
  entry: "lib/decks/article-task.ts",
  subject: "This article",
  limits: { timeMs: 20_000, memoryMb: 512, rows: 20_000 },
};

/** `proposeCandidatesForArticle` in a worker thread, so a long or hostile article never stalls other users. */
export async function proposeCandidatesInWorker(input: ArticleInput): Promise<ActionResult<ArticleCandidates>> {
  const outcome = await runInWorker(ARTICLE_TASK, input);
  if (!outcome.ok) return { ok: false, code: outcome.code, message: outcome.message, ...(outcome.retryAfterSeconds ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}) };
  return outcome.data;
}
