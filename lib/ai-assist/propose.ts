import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import type { ErrorCode } from "@/lib/errors";
import { lintFacts } from "@/lib/facts/lint";
import { factDateSchema, factSchema, type Fact } from "@/lib/facts/schema";
import { MAX_PROPOSALS, candidateSchema, candidateToFact, quotesArticle, type ProposalFrame } from "./candidate";
import { SYSTEM_PROMPT, userPrompt } from "./prompt";

/** The part of the `openai` client this module uses; an `OpenAI` instance satisfies it, and so can a test fake. */
export type ChatRequest = {
  model: string;
  messages: { role: "system" | "user"; content: string }[];
  response_format?: { type: "json_object" };
  temperature?: number;
};
export type ChatClient = {
  chat: {
    completions: {
      create(
        body: ChatRequest,
        options?: { signal?: AbortSignal; timeout?: number; maxRetries?: number },
      ): PromiseLike<{ choices: { message: { content: string | null } }[] }>;
    };
  };
};

export const DROP_REASONS = ["malformed JSON", "schema", "quote not in article", "rubric lint", "duplicate", `more than ${MAX_PROPOSALS}`] as const;
export type DropReason = (typeof DROP_REASONS)[number];

// What is sent is capped: a local model's context is a few thousand tokens, and quotes are still checked against
// the whole article.
export const MAX_ARTICLE_CHARS_SENT = 40_000;

export type ProposeInput = {
  client: ChatClient;
  model: string;
  /** The article as plain text; `date` (YYYY-MM-DD) is its date, the facts' validAsOf when the frame has none. */
  article: { text: string; date?: string };
  frame: ProposalFrame;
  timeoutMs: number;
};

/** Facts the assistant proposed that passed every check, marked `origin: "ai"`, and what was dropped, by reason. */
export type Proposals = { origin: "ai"; facts: Fact[]; dropped: { reason: DropReason; count: number }[]; truncated: boolean };
type Failure = { ok: false; code: ErrorCode; message: string };
export type ProposeResult = { ok: true; data: Proposals } | Failure;

const unavailable = (message: string): Failure => ({ ok: false, code: "unavailable", message });

/**
 * Asks an OpenAI-compatible chat endpoint for candidate facts from an article and keeps only those whose quote is
 * a sentence of the article, that pass the fact schema and have no rubric-lint findings. Never throws: timeouts and
 * HTTP errors come back as `{ ok: false }` with a message the teacher can read.
 */
export async function proposeFacts({ client, model, article, frame, timeoutMs }: ProposeInput): Promise<ProposeResult> {
  const validAsOf = frame.date ?? article.date;
  if (!validAsOf || !factDateSchema.safeParse(validAsOf).success) return { ok: false, code: "invalid_input", message: "Give the article's date (YYYY-MM-DD)." };
  const sent = article.text.slice(0, MAX_ARTICLE_CHARS_SENT);
  const reply = await complete(
    client,
    {
      model,
      messages: [
        { role: "system", content: SYSTEM_PROMPT },
        { role: "user", content: userPrompt(frame, sent) },
      ],
      temperature: 0.2,
    },
    timeoutMs,
  );
  if (!reply.ok) return reply;
  return { ok: true, data: { origin: "ai", ...validateReply(reply.content, article.text, frame, validAsOf), truncated: sent.length < article.text.length } };
}

type Reply = { ok: true; content: string } | Failure;

/** One chat completion within the deadline; JSON mode first, then once without it for servers that refuse it (HTTP 400). */
async function complete(client: ChatClient, request: ChatRequest, timeoutMs: number): Promise<Reply> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  // A client that ignores the signal still loses the race, so the teacher never waits past the deadline.
  const deadline = new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(new Error("deadline")), { once: true }));
  const options = { signal: controller.signal, timeout: timeoutMs, maxRetries: 0 };
  try {
    for (const jsonMode of [true, false]) {
      try {
        const body = jsonMode ? { ...request, response_format: { type: "json_object" as const } } : request;
        const completion = await Promise.race([client.chat.completions.create(body, options), deadline]);
        return { ok: true, content: completion.choices[0]?.message.content ?? "" };
      } catch (error) {
        if (jsonMode && !timedOut && error instanceof APIError && error.status === 400) continue;
        throw error;
      }
    }
    return unavailable("The AI assistant refused the request.");
  } catch (error) {
    return describeFailure(error, timedOut, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function describeFailure(error: unknown, timedOut: boolean, timeoutMs: number): Reply {
  const name = error instanceof Error ? error.name : "";
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  if (timedOut || error instanceof APIConnectionTimeoutError || name === "TimeoutError" || name === "AbortError")
    return unavailable(`The AI assistant did not answer within ${seconds} second${seconds === 1 ? "" : "s"}. Try again, or paste a shorter article.`);
  if (error instanceof APIError && typeof error.status === "number") {
    if (error.status === 401 || error.status === 403)
      return unavailable(`The AI assistant refused the request (HTTP ${error.status}); check AI_ASSIST_API_KEY.`);
    if (error.status === 404)
      return unavailable("The AI assistant's server does not know the configured model or address (HTTP 404); check AI_ASSIST_MODEL and AI_ASSIST_BASE_URL.");
    return unavailable(`The AI assistant's server answered with an error (HTTP ${error.status}). Try again later.`);
  }
  if (error instanceof APIConnectionError) return unavailable("The AI assistant could not be reached at its configured address.");
  // A body that is not JSON, or not a chat completion: the server answered, but not in the API's shape.
  return unavailable("The AI assistant's server sent a response that could not be read.");
}

function parseReply(content: string): { items: unknown[] } | "malformed" | "shape" {
  // Some local models wrap JSON in a Markdown fence even in JSON mode.
  const unfenced = content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, "$1");
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    return "malformed";
  }
  if (Array.isArray(json)) return { items: json };
  if (json && typeof json === "object" && "facts" in json && Array.isArray(json.facts)) return { items: json.facts };
  return "shape";
}

/** The checks every proposal goes through, in order; a proposal is dropped, and counted, at the first it fails. */
export function validateReply(content: string, article: string, frame: ProposalFrame, validAsOf: string): Pick<Proposals, "facts" | "dropped"> {
  const counts = new Map<DropReason, number>();
  const drop = (reason: DropReason, count = 1) => counts.set(reason, (counts.get(reason) ?? 0) + count);
  const parsed = parseReply(content);
  const items = typeof parsed === "object" ? parsed.items : [];
  if (parsed === "malformed") drop("malformed JSON");
  if (parsed === "shape") drop("schema");
  if (items.length > MAX_PROPOSALS) drop(`more than ${MAX_PROPOSALS}`, items.length - MAX_PROPOSALS);

  const checked: Fact[] = [];
  for (const item of items.slice(0, MAX_PROPOSALS)) {
    const candidate = candidateSchema.safeParse(item);
    if (!candidate.success) {
      drop("schema");
      continue;
    }
    if (!quotesArticle(candidate.data.quote, article)) {
      drop("quote not in article");
      continue;
    }
    const fact = factSchema.safeParse(candidateToFact(candidate.data, frame, validAsOf));
    if (fact.success) checked.push(fact.data);
    else drop("schema");
  }
  // Linted together, so a distractor that is another proposal's answer about the same event is caught; each under
  // its position, since two proposals of one fact share an id and only the one that fails should be dropped.
  const flagged = new Set(lintFacts(checked.map((fact, index) => ({ ...fact, id: String(index) }))).map((finding) => Number(finding.factId)));
  if (flagged.size > 0) drop("rubric lint", flagged.size);
  const facts: Fact[] = [];
  for (const [index, fact] of checked.entries()) {
    if (flagged.has(index)) continue;
    if (facts.some((kept) => kept.id === fact.id)) drop("duplicate");
    else facts.push(fact);
  }
  return { facts, dropped: DROP_REASONS.filter((reason) => counts.has(reason)).map((reason) => ({ reason, count: counts.get(reason)! })) };
}
