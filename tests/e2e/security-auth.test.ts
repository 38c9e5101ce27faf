import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { AUTH_LIMITS } from "@/lib/auth/rate-limit";
import { callAction, Client, createAccount, openDb, PASSWORD, serverAction, signedIn, testIp } from "./support/attacker";
import { launchBrowser, newContext, uniqueEmail } from "./support/browser";

/**
 * Sessions and their cookies under attack (guessing across accounts, forged and tampered tokens, replay
 * after sign-out or a password change), and the security headers on every kind of response.
 * One account's guessing limit is covered by sign-in-throttle.test.ts.
 */

const db = openDb();
const browser = await launchBrowser();

/** Whether `cookie` opens a session: the API answers and next-auth names a user. */
async function sessionWorks(cookie: string): Promise<boolean> {
  const client = new Client();
  client.cookies.set("next-auth.session-token", cookie);
  const [queue, session] = await Promise.all([client.fetch("/api/study/queue"), client.fetch("/api/auth/session")]);
  const body = (await session.json()) as { user?: unknown };
  if ((queue.status === 200) !== Boolean(body.user)) throw new Error("the API and next-auth disagree about a session");
  return queue.status === 200;
}

describe("guessing passwords", () => {
  it("many accounts from one address: slowed with 429 and Retry-After, and a claimed address does not reset it", async () => {
    const attacker = new Client(testIp());
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= AUTH_LIMITS.signInPerIp.limit; attempt++) {
      statuses.push(await attacker.signIn(uniqueEmail(`sprayed-${attempt}`), "Winter2025!"));
    }
    expect(statuses.slice(0, AUTH_LIMITS.signInPerIp.limit).includes(429)).toBe(false);
    expect(statuses.at(-1)).toBe(429);

    // Our proxy appends the real address last; whatever the client put before it is its own claim.
    for (const claimed of ["203.0.113.7", "203.0.113.8"]) {
      const csrf = (await (await attacker.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await attacker.fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `${claimed}, ${attacker.ip}` },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, email: uniqueEmail("sprayed-more"), password: "Winter2025!", json: "true" }),
      });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("guest accounts from one address: at most the guest budget, then 429, which the sign-in page explains", async () => {
    const script = new Client(testIp());
    const guestsBefore = await db.user.count({ where: { isGuest: true } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= AUTH_LIMITS.guestPerIp.limit; attempt++) {
      const csrf = (await (await script.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await script.fetch("/api/auth/callback/guest", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, json: "true" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, AUTH_LIMITS.guestPerIp.limit).includes(429)).toBe(false);
    expect(statuses.at(-1)).toBe(429);
    expect(await db.user.count({ where: { isGuest: true } })).toBe(guestsBefore + AUTH_LIMITS.guestPerIp.limit);

    // A person at that address who taps the guest button stays on sign-in and is told why.
    const context = await newContext(browser, "phone");
    await context.setExtraHTTPHeaders({ "x-forwarded-for": script.ip });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByRole("button", { name: "Try it without an account" }).click();
    await page.getByRole("main").getByRole("alert").filter({ hasText: /\w/ }).waitFor();
    expect(await page.getByRole("main").getByRole("alert").textContent()).toBe("Too many sign-in attempts. Wait a while, then try again.");
    expect(new URL(page.url()).pathname).toBe("/signin");
    expect(await db.user.count({ where: { isGuest: true } })).toBe(guestsBefore + AUTH_LIMITS.guestPerIp.limit);
    await context.close();
  });

  it("a real user from another address still signs in", async () => {
    const account = await createAccount(db, "STUDENT", "bystander");
    expect((await signedIn(account)).sessionCookie).toBeTruthy();
  });
});

describe("session tokens", () => {
  it("the session cookie is HttpOnly, SameSite=Lax and scoped to the whole site", async () => {
    const account = await createAccount(db, "STUDENT", "cookie-check");
    const client = new Client();
    const csrf = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await client.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email: account.email, password: PASSWORD, json: "true" }),
    });
    const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
    expect(line).toBeDefined();
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
    // Served over http here; over https the unit test shows the Secure flag and __Secure- name.
    expect(inject("baseUrl").startsWith("http://")).toBe(true);
  });

  it("a tampered, a wrongly signed and an unsigned token are all refused", async () => {
    const account = await createAccount(db, "TEACHER", "forger");
    const real = (await signedIn(account)).sessionCookie!;
    expect(await sessionWorks(real)).toBe(true);

    const middle = Math.floor(real.length / 2);
    const flipped = `${real.slice(0, middle)}${real[middle] === "A" ? "B" : "A"}${real.slice(middle + 1)}`;
    const claims = { sub: account.id, name: "forger", email: account.email, role: "TEACHER" as const, sessionVersion: 0 };
    const wrongSecret = await encode({ token: claims, secret: "not-the-server-secret-but-long-enough-to-look-real" });
    const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const unsigned = `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
    const unsignedJwe = `${base64url({ alg: "none", enc: "A256GCM" })}..${base64url({})}.${base64url(claims)}.`;

    for (const forged of [flipped, wrongSecret, unsigned, unsignedJwe, "", "null", "a".repeat(5000)]) {
      expect(await sessionWorks(forged)).toBe(false);
      const client = new Client();
      client.cookies.set("next-auth.session-token", forged || "x");
      const { result } = await callAction(client, serverAction("createDeckAction"), [{ name: "Forged deck" }]);
      expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    }
    expect(await db.deck.count({ where: { ownerId: account.id } })).toBe(0);
  });

  it("a server action posted from another site is refused with 403 and does nothing", async () => {
    const account = await createAccount(db, "TEACHER", "cross-site");
    const client = await signedIn(account);
    const action = serverAction("createDeckAction");
    for (const origin of ["https://evil.example", "null"]) {
      const response = await client.fetch(action.page, {
        method: "POST",
        headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin },
        body: JSON.stringify([{ name: "Planted from elsewhere" }]),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await db.deck.count({ where: { ownerId: account.id } })).toBe(0);
  });

  it("a copied cookie stops working after sign-out", async () => {
    const account = await createAccount(db, "STUDENT", "signs-out");
    const client = await signedIn(account);
    const copied = client.sessionCookie!;
    const otherDevice = (await signedIn(account)).sessionCookie!;
    expect(await sessionWorks(copied)).toBe(true);
    expect((await client.post("/api/auth/revoke", "")).status).toBe(204);
    expect(await sessionWorks(copied)).toBe(false);
    expect(await sessionWorks(otherDevice)).toBe(false);
    const page = await new Client().fetch("/dashboard", { headers: { cookie: `next-auth.session-token=${copied}` } });
    expect(page.status).toBe(307);
  });

  it("every old cookie stops working after a password change", async () => {
    const account = await createAccount(db, "STUDENT", "changes-password");
    const phone = await signedIn(account);
    const laptop = await signedIn(account);
    const { result } = await callAction(phone, serverAction("changePasswordAction"), [{ currentPassword: PASSWORD, newPassword: "a brand new passphrase 77" }]);
    expect(result).toMatchObject({ ok: true });
    expect(await sessionWorks(phone.sessionCookie!)).toBe(false);
    expect(await sessionWorks(laptop.sessionCookie!)).toBe(false);
    expect(await new Client().signIn(account.email, PASSWORD)).toBe(401);
  });
});

describe("security headers", () => {
  const expectFixedHeaders = (headers: Headers) => {
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("permissions-policy")).toContain("camera=()");
    expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  };

  it.each(["/", "/signin", "/signup", "/dashboard", "/does-not-exist"])(
    "page %s: nonce CSP without inline or eval scripts, and every script carries the nonce",
    async (url) => {
      const response = await new Client().fetch(url);
      expectFixedHeaders(response.headers);
      const policy = response.headers.get("content-security-policy")!;
      const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src"))!;
      expect(scriptSrc).not.toContain("unsafe-inline");
      expect(scriptSrc).not.toContain("unsafe-eval");
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
      expect(nonce).toBeTruthy();
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      const again = await new Client().fetch(url);
      expect(again.headers.get("content-security-policy")).not.toBe(policy);
    },
  );

  it.each(["/api/health", "/api/study/queue", "/api/auth/session"])("API %s: fixed headers and a nothing-allowed CSP", async (url) => {
    const response = await new Client().fetch(url);
    expectFixedHeaders(response.headers);
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
  });
});

describe("in a browser under the CSP", () => {
  it("signs in through the form, renders and hydrates every page with no policy violation, and ignores an off-site return path", async () => {
    const account = await createAccount(db, "TEACHER", "csp-browser");
    const context = await newContext(browser, "desktop");
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/content security policy/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));

    await page.goto("/signin?callbackUrl=%2F%5Cevil.example%2Fphish");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/dashboard");
    expect(new URL(page.url()).origin).toBe(inject("baseUrl"));

    for (const url of [
      "/decks",
      "/study",
      "/settings",
      "/settings/personalize",
      "/join",
      "/teach",
      "/teach/decks/new",
      "/teach/classes/new",
      "/teach/generate",
      "/dashboard",
    ]) {
      await page.goto(url);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
    }
    // A client-side navigation needs hydrated React: the header's link is a next/link.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decks" }).click();
    await page.waitForURL((url) => url.pathname === "/decks");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(violations).toEqual([]);
    await context.close();
  });
});
