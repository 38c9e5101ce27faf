"use server";
import { AI_TOPIC } from "@/lib/ai-assist/candidate";
import { createAiClient } from "@/lib/ai-assist/client";
import { readEnv } from "@/lib/env";
import { proposeFacts, type Proposals } from "@/lib/ai-assist/propose";
import { proposeRequestSchema } from "@/lib/ai-assist/schema";
import { toSourceDocumentInWorker } from "@/lib/decks/article-in-worker";
import { type ActionResult, fail, ok } from "@/lib/errors";
import { buildFactCard } from "@/lib/facts/cards";
import { frontMatterDate, PASTED_ARTICLE, pastedArticleDocument } from "@/lib/generator/pasted-article";
import type { GeneratedCard } from "@/lib/generator/types";
import { teacherAction } from "../_lib/teacher-action";

export type AiProposals = { cards: GeneratedCard[]; dropped: Proposals["dropped"]; truncated: boolean; model: string };

/**
 * Asks the configured assistant for candidate facts from the pasted article. Only proposals that quote the article
 * and pass the fact checks come back, as cards flagged "ai-proposed" for the teacher to accept or reject.
 */
export const proposeWithAiAction = teacherAction(proposeRequestSchema, async ({ name, text, frame }): Promise<ActionResult<AiProposals>> => {
  const config = readEnv().aiAssist;
  if (!config) return fail("not_found", "The AI assistant is not set up on this server.");

  const read = await toSourceDocumentInWorker(name, text);
  if (!read.ok) return read;
  const article = read.data;
  const articleDate = frontMatterDate(article) ?? new Date().toISOString().slice(0, 10);
  const result = await proposeFacts({
    client: createAiClient(config),
    model: config.model,
    article: { text: article.text, date: articleDate },
    frame,
    timeoutMs: config.timeoutMs,
  });
  if (!result.ok) return result;

  const documents = new Map([[PASTED_ARTICLE, pastedArticleDocument(article, frame)]]);
  // The flag marks the card as AI-proposed in the deck's card table until a teacher edits it, which clears flags.
  const cards = result.data.facts.map((fact): GeneratedCard => ({ ...buildFactCard(fact, documents), flags: [AI_TOPIC] }));
  return ok({ cards, dropped: result.data.dropped, truncated: result.data.truncated, model: config.model });
});
