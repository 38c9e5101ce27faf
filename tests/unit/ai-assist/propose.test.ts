import OpenAI, { APIConnectionTimeoutError } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { AI_TOPIC } from "@/lib/ai-assist/candidate";
import { PASTED_ARTICLE } from "@/lib/generator/pasted-article";
import { proposeFacts, type ChatClient, type ProposeResult } from "@/lib/ai-assist/propose";
import { lintFacts } from "@/lib/facts/lint";
import { factSchema } from "@/lib/facts/schema";
import { ARTICLE, loadFixture, replay, type RecordedResponse } from "./replay-server";

const FRAME = { event: "NATO summit in The Hague", place: "The Hague, Netherlands", date: "2025-06-24/2025-06-25" };
const MODEL = "llama3.1";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** The real `openai` client against the loopback replay server, as lib/ai-assist/client.ts builds it. */
async function proposeAgainst(responses: RecordedResponse[], timeoutMs = 5_000) {
  const server = await replay(...responses);
  close = server.close;
  const client = new OpenAI({ baseURL: server.baseURL, apiKey: "no-key", timeout: timeoutMs, maxRetries: 0 });
  const result = await proposeFacts({ client, model: MODEL, article: { text: ARTICLE }, frame: FRAME, timeoutMs });
  return { result, requests: server.requests };
}

function proposals(result: ProposeResult) {
  if (!result.ok) throw new Error(`expected proposals, got ${result.message}`);
  return result.data;
}

// Generous limits: a loaded two-core machine runs the whole unit suite at once.
describe("proposeFacts against recorded responses", { timeout: 20_000 }, () => {
  it("keeps three valid facts from a good answer, marked AI-proposed, and sends one JSON-mode chat request", async () => {
    const { result, requests } = await proposeAgainst([loadFixture("good")]);
    const data = proposals(result);
    expect(data.origin).toBe("ai");
    expect(data.dropped).toEqual([]);
    expect(data.truncated).toBe(false);
    expect(data.facts.map((fact) => fact.answer.text)).toEqual(["2029", "2035", "Mark Rutte"]);
    for (const fact of data.facts) {
      expect(factSchema.safeParse(fact).success).toBe(true);
      expect(fact.topic).toBe(AI_TOPIC);
      expect(fact.id).toMatch(/^ai-[a-z0-9-]+$/);
      expect(fact.context).toEqual(FRAME);
      expect(fact.validAsOf).toBe(FRAME.date);
      expect(fact.status).toBe("confirmed");
      expect(fact.sources).toHaveLength(1);
      expect(fact.sources[0]!.document).toBe(PASTED_ARTICLE);
      expect(ARTICLE).toContain(fact.sources[0]!.support);
    }
    expect(lintFacts(data.facts)).toEqual([]);
    // "2035" arrived as a string and is kept as the number the numeric face checks against.
    expect(data.facts[1]!.answer.value).toBe(2035);

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/v1/chat/completions");
    expect(request!.authorization).toBe("Bearer no-key");
    expect(request!.body.model).toBe(MODEL);
    expect(request!.body.response_format).toEqual({ type: "json_object" });
    const messages = request!.body.messages as { role: string; content: string }[];
    expect(messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(messages[1]!.content).toContain("Event: NATO summit in The Hague");
    expect(messages[1]!.content).toContain(ARTICLE.trim());
  });

  it("gives the same ids when the same facts are proposed again, so saving twice updates the cards", async () => {
    const first = proposals((await proposeAgainst([loadFixture("good")])).result);
    await close?.();
    const second = proposals((await proposeAgainst([loadFixture("good")])).result);
    expect(second.facts.map((fact) => fact.id)).toEqual(first.facts.map((fact) => fact.id));
    expect(new Set(first.facts.map((fact) => fact.id)).size).toBe(3);
  });

  it("drops proposals whose quote is not a sentence of the article: paraphrased, invented or 'corrected'", async () => {
    const data = proposals((await proposeAgainst([loadFixture("quote-not-in-article")])).result);
    expect(data.facts.map((fact) => fact.answer.text)).toEqual(["2035"]);
    expect(data.dropped).toEqual([{ reason: "quote not in article", count: 3 }]);
  });

  it("counts an answer cut off mid-JSON as malformed and keeps nothing", async () => {
    const data = proposals((await proposeAgainst([loadFixture("malformed-content")])).result);
    expect(data.facts).toEqual([]);
    expect(data.dropped).toEqual([{ reason: "malformed JSON", count: 1 }]);
  });

  it("counts JSON that is not a list of facts under schema", async () => {
    const data = proposals((await proposeAgainst([loadFixture("not-a-fact-list")])).result);
    expect(data.facts).toEqual([]);
    expect(data.dropped).toEqual([{ reason: "schema", count: 1 }]);
  });

  it("drops proposals with missing or wrong fields, one by one, and keeps the valid one", async () => {
    const data = proposals((await proposeAgainst([loadFixture("missing-fields")])).result);
    expect(data.facts.map((fact) => fact.answer.text)).toEqual(["Mark Rutte"]);
    // No quote; two distractors; an unknown answer type; a person without role and country; a bare string.
    expect(data.dropped).toEqual([{ reason: "schema", count: 5 }]);
  });

  it("drops cards the rubric lint refuses and repeats of a kept fact, reading JSON inside a Markdown fence", async () => {
    const data = proposals((await proposeAgainst([loadFixture("rubric-lint")])).result);
    // Kept: the 2035 deadline and Rutte (whose first proposal, with options of the wrong kind, failed the lint).
    expect(data.facts.map((fact) => fact.answer.text)).toEqual(["2035", "Mark Rutte"]);
    expect(data.facts[1]!.distractors).toEqual(["Jens Stoltenberg", "Anders Fogh Rasmussen", "Jaap de Hoop Scheffer"]);
    // Refused: "the meeting" with no event named; options that are not people; 2035 offered as a wrong year.
    expect(data.dropped).toEqual([
      { reason: "rubric lint", count: 3 },
      { reason: "duplicate", count: 1 },
    ]);
  });

  it("keeps at most 20 proposals and counts the rest", async () => {
    const good = loadFixture("good") as { status: number; body: { choices: { message: { content: string } }[] } };
    const [, , rutte] = (JSON.parse(good.body.choices[0]!.message.content) as { facts: unknown[] }).facts;
    const many = structuredClone(good);
    many.body.choices[0]!.message.content = JSON.stringify({ facts: Array.from({ length: 23 }, () => rutte) });
    const data = proposals((await proposeAgainst([many])).result);
    expect(data.facts).toHaveLength(1);
    expect(data.dropped).toEqual([
      { reason: "duplicate", count: 19 },
      { reason: "more than 20", count: 3 },
    ]);
  });

  it("turns an HTTP 500 into a message, not a throw", async () => {
    const { result, requests } = await proposeAgainst([loadFixture("http-500")]);
    expect(result).toEqual({ ok: false, code: "unavailable", message: "The AI assistant's server answered with an error (HTTP 500). Try again later." });
    expect(requests).toHaveLength(1);
  });

  it("turns a body that is not JSON into a message", async () => {
    const { result } = await proposeAgainst([loadFixture("malformed-body")]);
    expect(result).toEqual({ ok: false, code: "unavailable", message: "The AI assistant's server sent a response that could not be read." });
  });

  it("gives up after the timeout when the server is slow", async () => {
    const started = performance.now();
    const { result } = await proposeAgainst([loadFixture("slow")], 1_000);
    // The recorded answer comes after 10 s; the teacher hears back after about 1 s.
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(result).toEqual({
      ok: false,
      code: "unavailable",
      message: "The AI assistant did not answer within 1 second. Try again, or paste a shorter article.",
    });
  });

  it("asks again without JSON mode when the server refuses it with HTTP 400", async () => {
    const { result, requests } = await proposeAgainst([loadFixture("json-mode-refused"), loadFixture("good")]);
    expect(proposals(result).facts).toHaveLength(3);
    expect(requests).toHaveLength(2);
    expect(requests[0]!.body.response_format).toEqual({ type: "json_object" });
    expect(requests[1]!.body).not.toHaveProperty("response_format");
  });

  it("reports an unreachable endpoint", async () => {
    const server = await replay(loadFixture("good"));
    await server.close();
    const client = new OpenAI({ baseURL: server.baseURL, apiKey: "no-key", maxRetries: 0 });
    const result = await proposeFacts({ client, model: MODEL, article: { text: ARTICLE }, frame: FRAME, timeoutMs: 2_000 });
    expect(result).toEqual({ ok: false, code: "unavailable", message: "The AI assistant could not be reached at its configured address." });
  });
});

describe("proposeFacts with an injected client", () => {
  const article = { text: ARTICLE };

  it("reports a client that rejects with the library's timeout error", async () => {
    const client: ChatClient = { chat: { completions: { create: () => Promise.reject(new APIConnectionTimeoutError()) } } };
    const result = await proposeFacts({ client, model: MODEL, article, frame: FRAME, timeoutMs: 20_000 });
    expect(result).toMatchObject({ ok: false, code: "unavailable", message: expect.stringContaining("did not answer within 20 seconds") });
  });

  it("reports a client that rejects with an AbortError", async () => {
    const client: ChatClient = { chat: { completions: { create: () => Promise.reject(new DOMException("The operation was aborted.", "AbortError")) } } };
    const result = await proposeFacts({ client, model: MODEL, article, frame: FRAME, timeoutMs: 20_000 });
    expect(result).toMatchObject({ ok: false, code: "unavailable", message: expect.stringContaining("did not answer") });
  });

  it("stops waiting at the deadline even for a client that ignores the abort signal", async () => {
    const client: ChatClient = { chat: { completions: { create: () => new Promise(() => {}) } } };
    const result = await proposeFacts({ client, model: MODEL, article, frame: FRAME, timeoutMs: 50 });
    expect(result).toMatchObject({ ok: false, code: "unavailable", message: expect.stringContaining("did not answer") });
  });

  it("sends at most 40,000 characters of a long article and says so, while checking quotes against all of it", async () => {
    const quoted = "Allies will review the trajectory and balance of spending in 2029.";
    const long = `${"Filler sentence about nothing in particular. ".repeat(1_000)}\n${quoted}`;
    const good = loadFixture("good") as { body: { choices: { message: { content: string } }[] } };
    let sent = "";
    const client: ChatClient = {
      chat: {
        completions: {
          create: async (body) => {
            sent = body.messages[1]!.content;
            return good.body;
          },
        },
      },
    };
    const data = proposals(await proposeFacts({ client, model: MODEL, article: { text: long }, frame: FRAME, timeoutMs: 1_000 }));
    expect(data.truncated).toBe(true);
    expect(sent.length).toBeLessThan(40_500);
    expect(data.facts.map((fact) => fact.answer.text)).toEqual(["2029"]);
    expect(data.dropped).toEqual([{ reason: "quote not in article", count: 2 }]);
  });

  it("uses the article's date when the frame has none, and refuses when neither has one", async () => {
    const good = loadFixture("good") as { body: { choices: { message: { content: string } }[] } };
    const client: ChatClient = { chat: { completions: { create: async () => good.body } } };
    const frame = { event: FRAME.event, place: FRAME.place };
    const dated = proposals(await proposeFacts({ client, model: MODEL, article: { text: ARTICLE, date: "2025-06-26" }, frame, timeoutMs: 1_000 }));
    expect(dated.facts.length).toBeGreaterThan(0);
    expect(dated.facts.every((fact) => fact.validAsOf === "2025-06-26" && fact.context.date === undefined)).toBe(true);
    expect(await proposeFacts({ client, model: MODEL, article: { text: ARTICLE }, frame, timeoutMs: 1_000 })).toEqual({
      ok: false,
      code: "invalid_input",
      message: "Give the article's date (YYYY-MM-DD).",
    });
  });
});
