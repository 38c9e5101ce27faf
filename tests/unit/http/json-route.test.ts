import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http/json-endpoint";
import { readJsonBody, respond } from "@/lib/http/json-route";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://localhost/api/reviews", { method: "POST", body, headers });

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(new Uint8Array(4096).fill(32));
      sent += 4096;
    },
  });
}

describe("readJsonBody", () => {
  it("parses JSON and reads an empty body as {}", async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ ok: true, body: { a: 1 } });
    expect(await readJsonBody(post(""))).toEqual({ ok: true, body: {} });
  });

  it("answers 413 for a declared or streamed body over 64 KB, and 400 for broken JSON", async () => {
    const declared = await readJsonBody(post("{}", { "content-length": String(MAX_BODY_BYTES + 1) }));
    expect(declared.ok ? 0 : declared.response.status).toBe(413);
    const streamed = await readJsonBody(
      new Request("http://localhost/x", { method: "POST", body: streamOf(MAX_BODY_BYTES * 2), duplex: "half" } as RequestInit),
    );
    expect(streamed.ok ? 0 : streamed.response.status).toBe(413);
    const broken = await readJsonBody(post("{nope"));
    expect(broken.ok ? 0 : broken.response.status).toBe(400);
  });
});

describe("respond", () => {
  it("spreads data on success and maps failure codes to statuses", async () => {
    const good = respond({ ok: true, data: { reviewId: "r" } });
    expect([good.status, await good.json()]).toEqual([200, { ok: true, reviewId: "r" }]);
    const conflict = respond({ ok: false, code: "conflict", message: "m", current: null } as const);
    expect([conflict.status, await conflict.json()]).toEqual([409, { ok: false, code: "conflict", message: "m", current: null }]);
  });
});
