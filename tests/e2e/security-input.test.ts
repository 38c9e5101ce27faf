import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { generateJoinCode } from "@/lib/classes/join-code";
import { callAction, type Client, createAccount, expectNoWrites, openDb, serverAction, signedIn } from "./support/attacker";
import { launchBrowser, newContext, screenshot } from "./support/browser";

/**
 * Hostile input against the production server: every malformed, oversized or out-of-range request gets a 4xx
 * with a JSON message, writes nothing, and leaves the server healthy; hostile card text stays text in a browser.
 */

const db = openDb();
const browser = await launchBrowser();
const stamp = Date.now().toString(36);
const IMG_PAYLOAD = `<img src=x onerror="window.__xss=1;alert(1)"> ${stamp}`;
const SCRIPT_PAYLOAD = `<script>window.__xss=2;alert(2)</script>`;
const JS_URL = "javascript:window.__xss=3;alert(3)";

const [teacherAccount, studentAccount] = await Promise.all([createAccount(db, "TEACHER", "input-teacher"), createAccount(db, "STUDENT", "input-student")]);
const deck = await db.deck.create({
  data: {
    ownerId: teacherAccount.id,
    name: `Hostile ${stamp}`,
    cards: {
      create: [
        { kind: "QA", prompt: `${IMG_PAYLOAD} Which alliance?`, answer: JS_URL, explanation: `${SCRIPT_PAYLOAD} see ${JS_URL}`, position: 0 },
        { kind: "MCQ", prompt: `Pick one ${SCRIPT_PAYLOAD}`, answer: JS_URL, choices: [JS_URL, IMG_PAYLOAD, "Plain", "Other"], position: 1 },
      ],
    },
  },
  select: { id: true, cards: { select: { id: true }, orderBy: { position: "asc" } } },
});
const [hostileCard] = deck.cards.map((card) => card.id) as [string];
await db.class.create({
  data: {
    name: `Hostile class ${stamp}`,
    joinCode: generateJoinCode(),
    members: {
      create: [
        { userId: teacherAccount.id, role: "TEACHER" },
        { userId: studentAccount.id, role: "STUDENT" },
      ],
    },
    assignments: { create: { deckId: deck.id } },
  },
});

let student: Client;
let teacher: Client;
beforeAll(async () => {
  [student, teacher] = await Promise.all([signedIn(studentAccount), signedIn(teacherAccount)]);
});

afterAll(async () => {
  const health = await fetch(new URL("/api/health", inject("baseUrl")));
  expect(health.status).toBe(200);
});

const review = (overrides: Record<string, unknown>) => ({
  reviewId: randomUUID(),
  cardId: hostileCard,
  rating: 3,
  durationMs: 1000,
  expectedLastReview: null,
  ...overrides,
});

/** Sends the request, expects the status and a JSON `{ ok: false, code, message }`, and checks nothing was written. */
async function expectRefused(send: () => Promise<Response>, status: number) {
  return expectNoWrites(db, async () => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { ok: boolean; code: string; message: string };
    expect(body.ok).toBe(false);
    expect(typeof body.message).toBe("string");
    expect(body.message.length).toBeGreaterThan(5);
    return body;
  });
}

const DAY = 86_400_000;
const MB2 = "x".repeat(2 * 1024 * 1024);

describe("reviews", () => {
  it.each([
    ["rating 0", { rating: 0 }],
    ["rating 5", { rating: 5 }],
    ["rating null", { rating: null }],
    ["rating as a string", { rating: "3" }],
    ["rating 2.5", { rating: 2.5 }],
    ["negative duration", { durationMs: -5 }],
    ["duration as a string", { durationMs: "1000" }],
    ["far-future time", { reviewedAt: new Date(Date.now() + 3650 * DAY).toISOString() }],
    ["far-past time", { reviewedAt: "1970-01-01T00:00:00.000Z" }],
    ["a time that is not a date", { reviewedAt: "tomorrow" }],
    ["a card id with SQL in it", { cardId: "x' OR '1'='1" }],
    ["a review id that is not a uuid", { reviewId: "../../etc/passwd" }],
  ])("%s: 400", async (_name, overrides) => {
    await expectRefused(() => student.post("/api/reviews", review(overrides)), 400);
  });

  it.each([
    ["NaN as a literal", '{"reviewId":"00000000-0000-4000-8000-000000000000","cardId":"x","rating":NaN,"durationMs":1}'],
    ["broken JSON", '{"rating": 3,'],
    ["a bare string", '"hello"'],
    ["an array", "[1,2,3]"],
    ["deep nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["a self-referencing object", '{"a":{"$ref":"$"},"b":"$0"}'],
  ])("%s: 400", async (_name, raw) => {
    await expectRefused(() => student.post("/api/reviews", raw), 400);
  });

  it.each(["/api/reviews", "/api/reviews/undo", "/api/quiz/attempts", `/api/cards/${hostileCard}/actions`])("a 2 MB body to %s: 413", async (url) => {
    await expectRefused(() => student.post(url, `{"pad":"${MB2}"}`), 413);
  });

  it("a 2 MB body to the sign-in endpoint: 413", async () => {
    await expectRefused(
      () =>
        student.fetch("/api/auth/callback/credentials", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: `email=a%40b.c&password=${MB2}`,
        }),
      413,
    );
  });

  it("an unknown card action and an undo with a bad id: 400", async () => {
    await expectRefused(() => student.post(`/api/cards/${hostileCard}/actions`, { action: "delete" }), 400);
    await expectRefused(() => student.post("/api/reviews/undo", { reviewId: 42 }), 400);
  });

  it("a quiz with garbage answers: 400", async () => {
    await expectRefused(
      () => student.post("/api/quiz/attempts", { attemptId: randomUUID(), deckId: deck.id, durationMs: -1, record: "yes", answers: "all" }),
      400,
    );
    const many = Array.from({ length: 500 }, () => ({ cardId: hostileCard, choice: "Plain", reviewId: randomUUID() }));
    await expectRefused(
      () => student.post("/api/quiz/attempts", { attemptId: randomUUID(), deckId: deck.id, durationMs: 1, record: true, answers: many }),
      400,
    );
  });
});

describe("imports", () => {
  function upload(body: string, name: string, mode = "import") {
    const form = new FormData();
    form.set("mode", mode);
    form.set("file", new File([body], name, { type: "text/csv" }));
    return () => teacher.fetch(`/api/decks/${deck.id}/import`, { method: "POST", body: form });
  }

  it("a 100,000-row CSV deck import: 400, nothing written", async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `Q${i},A${i}`).join("\n");
    const body = await expectRefused(upload(`front,back\n${rows}\n`, "huge.csv"), 400);
    expect(body.message).toMatch(/limit is 10,000/);
  });

  it("a 100,000-line text deck import: 400", async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `Q${i}\tA${i}`).join("\n");
    await expectRefused(upload(lines, "huge.txt"), 400);
  });

  it("a file over 5 MB: 413 before it is read", async () => {
    await expectRefused(upload("q,a\n".repeat(1_500_000), "big.csv"), 413);
  });

  it("a body that is not multipart: 400", async () => {
    await expectRefused(
      () => teacher.fetch(`/api/decks/${deck.id}/import`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "garbage" }),
      400,
    );
  });

  it("a personal import of 100,000 cards: refused, nothing written", async () => {
    const now = new Date().toISOString();
    const state = {
      due: now,
      stability: 3,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 3,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
      last_review: now,
    };
    const cardStates = Array.from({ length: 100_000 }, (_, i) => ({ ...state, cardId: `card-${i}` }));
    const settings = {
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      maximumInterval: 36500,
      learningSteps: ["1m"],
      relearningSteps: ["10m"],
      enableFuzz: true,
      timeZone: "UTC",
      dayStartHour: 4,
      fsrsParameters: [],
    };
    const body = JSON.stringify({ version: 1, exportedAt: now, settings, cardStates, reviews: [] });
    const refused = await expectRefused(() => student.post("/api/me/import", body), 413);
    expect(refused.message).toMatch(/larger than/);
  });

  it.each([
    ["garbage", "not json at all"],
    ["a wrong version", JSON.stringify({ version: 2 })],
    [
      "settings out of range",
      JSON.stringify({ version: 1, exportedAt: new Date().toISOString(), settings: { desiredRetention: 5 }, cardStates: [], reviews: [] }),
    ],
  ])("a personal import of %s: 400", async (_name, raw) => {
    await expectRefused(() => student.post("/api/me/import", raw), 400);
  });
});

describe("server actions", () => {
  it.each([
    ["a non-JSON body", "}{ not flight"],
    ["arguments that are not a list", '{"name":"x"}'],
    ["a reference to a missing chunk", '["$Q99"]'],
    ["a self reference (a cycle)", '[{"name":"$0"}]'],
    ["a 2 MB body", `["${MB2}"]`],
  ])("%s: a JSON 4xx, nothing written", async (_name, raw) => {
    const action = serverAction("createDeckAction");
    const body = await expectRefused(
      () => teacher.fetch(action.page, { method: "POST", headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8" }, body: raw }),
      raw.length > 1024 * 1024 ? 413 : 400,
    );
    expect(body.code).toBe("invalid_input");
  });

  it("malformed multipart form data: 400", async () => {
    const action = serverAction("saveStudySettingsAction");
    await expectRefused(
      () =>
        student.fetch(action.page, {
          method: "POST",
          headers: { "next-action": action.id, "content-type": "multipart/form-data; boundary=zzz" },
          body: "--zzz\r\nbroken",
        }),
      400,
    );
  });

  it("an unknown action id: a 4xx", async () => {
    const { status } = await callAction(teacher, { id: "00".repeat(21), name: "none", file: "none", page: "/teach" }, []);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it.each([
    ["createDeckAction", [{ name: "x".repeat(10_000) }]],
    ["createDeckAction", [{ name: { $gt: "" } }]],
    ["createCardAction", [{ deckId: deck.id }, { kind: "QA", prompt: "x".repeat(100_000), answer: "a" }]],
    ["createCardAction", [{ deckId: deck.id }, { kind: "EVAL", prompt: "p", answer: "a" }]],
    ["assignDeckAction", [{ classId: "c", deckId: deck.id, dailyGoal: -5 }]],
    ["generateCardsAction", [{ text: "" }]],
    ["joinClassAction", [{ code: '\'; DROP TABLE "User"; --' }]],
  ])("%s with garbage fields: invalid_input", async (name, args) => {
    await expectNoWrites(db, async () => {
      const { result } = await callAction(name === "joinClassAction" ? student : teacher, serverAction(name), args);
      expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    });
  });
});

describe("hostile card text in a browser", () => {
  it("shows markup and javascript: URLs as text on the study, quiz, card and editor pages", async () => {
    const context = await newContext(browser, "desktop");
    const base = new URL(inject("baseUrl"));
    const dialogs: string[] = [];
    context.on("page", (page) =>
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      }),
    );
    const asStudent = async () => {
      await context.clearCookies();
      await context.addCookies([
        { name: "next-auth.session-token", value: student.sessionCookie!, domain: base.hostname, path: "/", httpOnly: true, sameSite: "Lax" },
      ]);
    };
    await asStudent();
    const page = await context.newPage();

    async function expectInert() {
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(dialogs).toEqual([]);
    }

    await page.goto(`/study?deck=${deck.id}`);
    await page.getByText(IMG_PAYLOAD, { exact: false }).first().waitFor();
    await page.getByRole("button", { name: "Show answer" }).click();
    await page.getByText(JS_URL).first().waitFor();
    await expectInert();
    await screenshot(page, "security-hostile-study", "desktop");

    await page.goto(`/dashboard/cards/${hostileCard}`);
    await page.getByText(IMG_PAYLOAD, { exact: false }).first().waitFor();
    await expectInert();

    await page.goto(`/quiz/${deck.id}`);
    await page.waitForLoadState("networkidle");
    await expectInert();

    await context.clearCookies();
    await context.addCookies([
      { name: "next-auth.session-token", value: teacher.sessionCookie!, domain: base.hostname, path: "/", httpOnly: true, sameSite: "Lax" },
    ]);
    await page.goto(`/teach/decks/${deck.id}`);
    await page.getByText(IMG_PAYLOAD, { exact: false }).first().waitFor();
    await expectInert();
    await page.goto(`/teach/decks/${deck.id}/cards/${hostileCard}`);
    await page.waitForLoadState("networkidle");
    await expectInert();
    await context.close();
  });
});
