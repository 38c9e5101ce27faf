import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { hostileApkg } from "../support/hostile-apkg";
import { createAccount, expectNoWrites, openDb, serverAction, signedIn } from "./support/attacker";

/**
 * Issue #17, findings 1-3 and 7 against the production server: uploads are parsed in worker threads with limits, so
 * a hostile one never stalls anyone else; bodies are capped while they stream; malformed action payloads get a 4xx.
 */

const db = openDb();
const teacherAccount = await createAccount(db, "TEACHER", "uploads-teacher");
const deck = await db.deck.create({ data: { ownerId: teacherAccount.id, name: `Uploads ${Date.now().toString(36)}` }, select: { id: true } });
const teacher = await signedIn(teacherAccount);

function upload(bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set("mode", "preview");
  form.set("file", new File([new Uint8Array(bytes)], name));
  return teacher.fetch(`/api/decks/${deck.id}/import`, { method: "POST", body: form });
}

describe("untrusted uploads", () => {
  it("a hostile Anki package (a recursive view as col) leaves /api/health answering, and is refused", async () => {
    let uploadAnswered = false;
    const pending = upload(await hostileApkg(), "hostile.apkg").then((response) => {
      uploadAnswered = true;
      return response;
    });
    const healthWhileReading: number[] = [];
    for (let check = 0; check < 5 && !uploadAnswered; check += 1) {
      const health = await fetch(new URL("/api/health", inject("baseUrl")));
      if (!uploadAnswered) healthWhileReading.push(health.status);
    }
    const response = await pending;
    const body = (await response.json()) as { ok: boolean; limit?: string; message?: string; total?: number };
    if (response.status === 422) {
      // Stopped at the time limit: the server answered health checks all the while.
      expect(body).toMatchObject({ ok: false, limit: "timeMs" });
      expect(body.message).toContain("the time limit");
      expect(healthWhileReading).toEqual([200, 200, 200, 200, 200]);
    } else {
      // A parser that reads only real tables refuses it at once; either way no card comes of it.
      expect(response.status).toBeLessThan(500);
      expect(body.total ?? 0).toBe(0);
    }
  });

  it("a corrupt Anki package (a zip whose sizes lie): a 4xx that says so, not a 500", async () => {
    const bytes = Buffer.from(await hostileApkg());
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(bytes.readUInt32LE(central + 24) + 1, central + 24);
    const response = await upload(new Uint8Array(bytes), "corrupt.apkg");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, code: "invalid_input", limit: "unreadable" });
  });
});

/** A chunked POST (no Content-Length) that keeps sending until the server answers; resolves with the status. */
function postChunkedUntilAnswered(pathname: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(pathname, inject("baseUrl"));
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    let answered = false;
    let sent = 0;
    const outgoing = httpRequest(url, { method: "POST", headers: { ...headers, cookie: teacher.cookieHeader, "transfer-encoding": "chunked" } }, (response) => {
      answered = true;
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      // 64 MB at most: far past every cap, so an unanswered request fails the test instead of hanging it.
      while (!answered && sent < 64 * 1024 * 1024) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once("drain", pump);
      }
      if (!answered) outgoing.end();
    };
    pump();
  });
}

describe("bodies capped while they stream", () => {
  it.each([
    ["a server action", "/teach", { "next-action": "00".repeat(21), "content-type": "text/plain;charset=UTF-8" }],
    ["a page", "/signin", { "content-type": "application/x-www-form-urlencoded" }],
    ["an API route", "/api/reviews", { "content-type": "application/json" }],
    ["the deck import", `/api/decks/placeholder/import`, { "content-type": "multipart/form-data; boundary=x" }],
  ])("a chunked body past its cap to %s: 413", async (_name, pathname, headers) => {
    expect(await postChunkedUntilAnswered(pathname, headers)).toBe(413);
    expect((await fetch(new URL("/api/health", inject("baseUrl")))).status).toBe(200);
  });
});

describe("malformed server action payloads", () => {
  const createDeck = () => serverAction("createDeckAction");
  const send = (body: BodyInit, contentType?: string) => {
    const action = createDeck();
    const headers: Record<string, string> = { "next-action": action.id, origin: inject("baseUrl") };
    if (contentType) headers["content-type"] = contentType;
    return teacher.fetch(action.page, { method: "POST", headers, body });
  };

  it.each([
    ["20,000-deep nested arrays", `[${"[".repeat(20_000)}${"]".repeat(20_000)}]`],
    ["a 200,000-element array", `[[${Array(200_000).fill("0").join(",")}]]`],
  ])("%s: a 4xx, nothing written", async (_name, raw) => {
    await expectNoWrites(db, async () => {
      const response = await send(raw, "text/plain;charset=UTF-8");
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, code: "invalid_input" });
    });
  });

  it.each([
    ["$B pointing at a missing part", '["$B5"]'],
    ["20,000-deep nesting in field 0", `[${"[".repeat(20_000)}${"]".repeat(20_000)}]`],
  ])("multipart with %s: a 4xx, nothing written", async (_name, root) => {
    await expectNoWrites(db, async () => {
      const form = new FormData();
      form.set("0", root);
      const response = await send(form);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, code: "invalid_input" });
    });
  });
});
