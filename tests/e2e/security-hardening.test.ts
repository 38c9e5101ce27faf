import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { uniqueEmail } from "./support/browser";
import { Client, createAccount, openDb, signedIn } from "./support/attacker";

/** Issue #17, findings 7 and 9: the small ones, against the production server. */

const db = openDb();
const student = await createAccount(db, "STUDENT", "hardening-student");

describe("answers that were 500s or misleading", () => {
  it("a 404 under /favicon.ico carries the Content-Security-Policy like every other page", async () => {
    const response = await new Client().fetch("/favicon.ico.map");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("a server action posted to /favicon.ico from another site: 403, not 500", async () => {
    const response = await new Client().fetch("/favicon.ico", {
      method: "POST",
      headers: { "next-action": "00".repeat(21), origin: "https://evil.example", "content-type": "text/plain" },
      body: "[]",
    });
    expect(response.status).toBe(403);
  });

  it("next-auth's sign-out page with a javascript: callbackUrl answers without a 500", async () => {
    const response = await new Client().fetch("/api/auth/signout?callbackUrl=javascript:alert(document.cookie)");
    expect(response.status).toBeLessThan(500);
  });

  it("a personal import with reps of 3e9: 400 naming the field, not 500", async () => {
    const client = await signedIn(student);
    const now = new Date().toISOString();
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
    const cardStates = [
      {
        cardId: "any-card",
        due: now,
        stability: 3,
        difficulty: 5,
        elapsed_days: 0,
        scheduled_days: 3,
        learning_steps: 0,
        reps: 3e9,
        lapses: 0,
        state: 2,
        last_review: now,
      },
    ];
    const response = await client.post("/api/me/import", { version: 1, exportedAt: now, settings, cardStates, reviews: [] });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("cardStates.0.reps");
  });
});

describe("sessions", () => {
  it("next-auth's own POST /api/auth/signout ends the token, not only the cookie", async () => {
    const client = await signedIn(student);
    const token = client.sessionCookie!;
    const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await client.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    const replay = await new Client().fetch("/api/study/queue", { headers: { cookie: `next-auth.session-token=${token}` } });
    expect(replay.status).toBe(401);
  });
});

describe("rate limits", () => {
  it("the 429 body links to the address the browser used, not the one the server listens on", async () => {
    const client = new Client();
    const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const email = uniqueEmail("link-target");
    let body: { url?: string } = {};
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await client.fetch("/api/auth/callback/credentials", {
        method: "POST",
        // The e2e server trusts one proxy hop, which these headers stand for.
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-host": "recall.example.org", "x-forwarded-proto": "https" },
        body: new URLSearchParams({ csrfToken, email, password: `wrong guess ${attempt}`, json: "true" }),
      });
      if (response.status === 429) body = (await response.json()) as { url?: string };
    }
    expect(body.url).toBe("https://recall.example.org/signin?error=RateLimited");
    expect(inject("baseUrl")).not.toContain("recall.example.org");
  });
});
