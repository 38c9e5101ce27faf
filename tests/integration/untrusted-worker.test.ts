import { describe, expect, it } from "vitest";
import { toSourceDocumentInWorker } from "@/lib/decks/article-in-worker";
import { parseImportFileInWorker } from "@/lib/imports/parse-in-worker";
import { runInWorker, type WorkerTask } from "@/lib/untrusted/run-in-worker";
import { hostileApkg } from "../support/hostile-apkg";
import type { Misbehaviour } from "../support/worker-tasks/misbehave";

const MISBEHAVE: WorkerTask<Misbehaviour, unknown[]> = {
  entry: "tests/support/worker-tasks/misbehave.ts",
  subject: "This test file",
  limits: { timeMs: 2_000, memoryMb: 64, rows: 10 },
};
// Filling 64 MB takes a moment on a busy machine; the time limit must not win that race.
const MISBEHAVE_SLOWLY: WorkerTask<Misbehaviour, unknown[]> = { ...MISBEHAVE, limits: { ...MISBEHAVE.limits, timeMs: 60_000 } };

/** Resolves on the event loop's next turn: it stays pending while something blocks the loop. */
const nextTurn = () => new Promise<"loop answered">((resolve) => setImmediate(() => resolve("loop answered")));

describe("untrusted parses run in a worker with limits", () => {
  it("kills a task that runs past its time limit and says which limit", async () => {
    const outcome = await runInWorker(MISBEHAVE, "spin");
    expect(outcome).toMatchObject({ ok: false, code: "invalid_input", limit: "timeMs" });
    expect(!outcome.ok && outcome.message).toContain("longer than 2 seconds to read (the time limit)");
  });

  it("kills a task that runs past its memory limit and says which limit", async () => {
    const outcome = await runInWorker(MISBEHAVE_SLOWLY, "allocate");
    expect(outcome).toMatchObject({ ok: false, limit: "memoryMb" });
    expect(!outcome.ok && outcome.message).toContain("more than 64 MB of memory to read (the memory limit)");
  });

  it("refuses output past the row limit and says which limit", async () => {
    const outcome = await runInWorker(MISBEHAVE, "rows");
    expect(outcome).toMatchObject({ ok: false, limit: "rows" });
    expect(!outcome.ok && outcome.message).toContain("more than 10 rows (the row limit)");
  });

  it("turns a parser's crash into a refusal that leaks nothing, and returns good output as is", async () => {
    expect(await runInWorker(MISBEHAVE, "throw")).toEqual({
      ok: false,
      code: "invalid_input",
      limit: "unreadable",
      message: "This test file could not be read; it may be damaged. Nothing was saved.",
    });
    expect(await runInWorker(MISBEHAVE, "echo")).toEqual({ ok: true, data: ["echo"] });
  });

  it("keeps the event loop answering while a hostile Anki package (a recursive view as col) is read", { timeout: 60_000 }, async () => {
    const parse = parseImportFileInWorker({ name: "hostile.apkg", bytes: await hostileApkg() });
    expect(await Promise.race([parse.then(() => "parse settled"), nextTurn()])).toBe("loop answered");
    const outcome = await parse;
    // Stopped by the time limit, or refused outright by a parser that reads no views: either way no cards.
    expect(outcome.ok ? outcome.data.cards : outcome.limit).toEqual(outcome.ok ? [] : "timeMs");
  });

  it("reads a legal 10,000-row CSV in the worker, every row intact", async () => {
    const csv = ["front,back", ...Array.from({ length: 10_000 }, (_, index) => `Question ${index}?,Answer ${index}`)].join("\n");
    const parse = parseImportFileInWorker({ name: "big.csv", bytes: new TextEncoder().encode(csv) });
    expect(await Promise.race([parse.then(() => "parse settled"), nextTurn()])).toBe("loop answered");
    const outcome = await parse;
    expect(outcome.ok && outcome.data.cards.length).toBe(10_000);
    expect(outcome.ok && outcome.data.cards[9_999]).toMatchObject({ prompt: "Question 9999?", answer: "Answer 9999" });
  });

  it("reads a pasted article built to make the tag-stripping regexes backtrack without stalling the event loop", { timeout: 60_000 }, async () => {
    // 300,000 characters of unclosed <script> tags: seconds of backtracking, on the event loop before.
    const read = toSourceDocumentInWorker("hostile.html", "<script>".repeat(37_500));
    expect(await Promise.race([read.then(() => "read settled"), nextTurn()])).toBe("loop answered");
    const outcome = await read;
    // On a busy machine it may pass the time limit, which is then named.
    expect(outcome.ok || outcome.message.includes("(the time limit)")).toBe(true);
    expect(await toSourceDocumentInWorker("plain.html", "<title>Summit</title><p>Allies met.</p>")).toEqual({
      ok: true,
      data: { name: "Summit", text: expect.stringContaining("Allies met.") },
    });
  });

  it("answers a corrupt package (a zip whose sizes lie) with a 4xx refusal, not a crash", async () => {
    const bytes = await hostileApkg();
    // Bump the uncompressed size in the central directory so JSZip's size check fails while inflating.
    const view = Buffer.from(bytes);
    const central = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    view.writeUInt32LE(view.readUInt32LE(central + 24) + 1, central + 24);
    const outcome = await parseImportFileInWorker({ name: "corrupt.apkg", bytes: new Uint8Array(view) });
    expect(outcome.ok ? outcome.data.problems.length : outcome.limit).toEqual(outcome.ok ? 1 : "unreadable");
  });
});
