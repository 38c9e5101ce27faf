import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http/json-endpoint";
import { MAX_IMPORT_BYTES } from "@/lib/imports/schema";
import { IMPORT_MAX_BYTES } from "@/lib/portability/schema";
import { callAction, Client, createAccount, expectNoWrites, listServerActions, openDb, ROOT, signedIn } from "./support/attacker";

/**
 * Without a session nothing answers with data: every API route says 401, every page sends the visitor to
 * sign in, and every server action refuses and writes nothing. Routes, pages and actions are found at test
 * time, so a new one is swept the moment it exists.
 */

const db = openDb();

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(dir, file));
}

// Real ids where there are real rows (the public NATO deck and one of its cards), so a leak would show.
const publicDeck = await db.deck.findFirstOrThrow({
  where: { isPublic: true },
  select: { id: true, name: true, cards: { take: 1, select: { id: true, prompt: true } } },
});
const publicCard = publicDeck.cards[0]!;
const FILL: Record<string, string> = { "[deckId]": publicDeck.id, "[cardId]": publicCard.id };

/** The URL a file-system route answers on, with every dynamic segment filled by a real or made-up id. */
function urlPath(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((segment) => !/^\(.+\)$/.test(segment))
    .map((segment) => (segment.startsWith("[...") ? "x" : segment.startsWith("[") ? (FILL[segment] ?? "placeholder-id") : segment));
  return `/${segments.join("/")}`;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function exportedMethods(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  return METHODS.filter((method) =>
    new RegExp(`export (async )?function ${method}\\b|export (const ${method}\\b|\\{[^}]*\\b${method}\\b[^}]*\\})`).test(source),
  );
}

// Public by design: the load balancer's liveness check, next-auth's own endpoints (csrf, providers, the
// sign-in callbacks), the pages a visitor needs before having an account (a class's join link among them: it
// offers sign-up or sign-in and shows only the code from its own address), and the two pages the service
// worker keeps for use without a network, which hold no data (the offline study page reads the device's own store).
const PUBLIC_ROUTES = new Set(["/api/health", "/api/auth/x"]);
const PUBLIC_PAGES = new Set(["/", "/signin", "/signup", "/join/placeholder-id", "/offline", "/study/offline"]);
// Creating an account is the one action a visitor must be able to call.
const PUBLIC_ACTIONS = new Set(["signUpAction"]);

const routes = filesNamed("app/api", "route.ts").flatMap((file) => exportedMethods(file).map((method) => ({ file, method, url: urlPath(file) })));
const pages = filesNamed("app", "page.tsx").map((file) => ({ file, url: urlPath(file) }));

const ERROR_KEYS = new Set(["ok", "code", "message"]);

describe("API routes without a session", () => {
  it("finds the route handlers", () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
  });

  const protectedRoutes = routes.filter((route) => !PUBLIC_ROUTES.has(route.url));
  it.each(protectedRoutes.map((route) => [`${route.method} ${route.url}`, route] as const))("%s answers 401 with only an error", async (_name, route) => {
    await expectNoWrites(db, async () => {
      const client = new Client();
      const response = await client.fetch(route.url, {
        method: route.method,
        ...(route.method === "GET" ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify({ cardId: "x", rating: 3 }) }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("application/json");
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).every((key) => ERROR_KEYS.has(key))).toBe(true);
      expect(body).toMatchObject({ ok: false, code: "unauthenticated" });
      expect(typeof body.message).toBe("string");
    });
  });

  it("next-auth's session endpoint reports no user", async () => {
    const response = await new Client().fetch("/api/auth/session");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  });

  it("health stays public and says only whether the instance and its database are ready", async () => {
    const response = await new Client().fetch("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: "up" });
  });
});

describe("request body caps", () => {
  // Each route's cap, checked against Content-Length before anything is parsed. JSON routes default to
  // MAX_BODY_BYTES; a route with a bigger cap must be listed here, with its reason in the route.
  const CAPS: Record<string, number> = {
    "/api/me/import": IMPORT_MAX_BYTES,
    [`/api/decks/${publicDeck.id}/import`]: MAX_IMPORT_BYTES + 64 * 1024,
    "/api/auth/x": 8 * 1024,
  };
  // Sign-out reads no body at all, so there is nothing to parse or cap.
  const BODYLESS = new Set(["/api/auth/revoke"]);
  const posts = routes.filter((route) => route.method !== "GET" && !BODYLESS.has(route.url));

  it.each(posts.map((route) => [route.url, route] as const))("POST %s: 413 just over its cap, signed in as a teacher", async (_url, route) => {
    const teacher = await signedIn(await createAccount(db, "TEACHER", "body-cap"));
    const cap = CAPS[route.url] ?? MAX_BODY_BYTES;
    await expectNoWrites(db, async () => {
      const response = await teacher.fetch(route.url, { method: "POST", headers: { "content-type": "application/json" }, body: `"${"x".repeat(cap)}"` });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ ok: false, code: "invalid_input" });
    });
  });
});

describe("pages without a session", () => {
  it("finds the pages", () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
  });

  const privatePages = pages.filter((page) => !PUBLIC_PAGES.has(page.url));
  it.each(privatePages.map((page) => [page.url, page] as const))("%s redirects to sign-in", async (_url, page) => {
    const response = await new Client().fetch(page.url);
    expect([303, 307, 308]).toContain(response.status);
    const location = new URL(response.headers.get("location") ?? "", "http://host");
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toMatch(/^\//);
    const body = await response.text();
    expect(body).not.toContain(publicDeck.name);
    expect(body).not.toContain(publicCard.prompt.slice(0, 40));
  });

  it.each([...PUBLIC_PAGES])("%s is public", async (url) => {
    expect((await new Client().fetch(url)).status).toBe(200);
  });
});

describe("server actions without a session", () => {
  const actions = listServerActions();
  const declared = ["app", "lib"]
    .flatMap((dir) => readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" }).map((file) => path.join(dir, file)))
    .filter((file) => /\.tsx?$/.test(file) && !file.includes(`${path.sep}generated${path.sep}`))
    .filter((file) => /^\s*["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8")))
    .flatMap((file) => [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/export (?:async function|const) (\w+)/g)].map((match) => match[1]!));

  it("the build holds every action the sources declare", () => {
    expect(declared.length).toBeGreaterThanOrEqual(20);
    expect(actions.map((action) => action.name).sort()).toEqual([...declared].sort());
  });

  const guarded = actions.filter((action) => !PUBLIC_ACTIONS.has(action.name));
  it.each(guarded.map((action) => [action.name, action] as const))("%s refuses and writes nothing", async (_name, action) => {
    await expectNoWrites(db, async () => {
      const guesses = {
        deckId: "nato-ministerials-2025",
        classId: "placeholder-id",
        cardId: "placeholder-id",
        name: "Hijack",
        isPublic: true,
        code: "ABCD-EFGH",
      };
      const { status, result } = await callAction(new Client(), action, [guesses, guesses]);
      expect(status).toBe(200);
      expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    });
  });

  it("sign-up with garbage refuses and writes nothing", async () => {
    await expectNoWrites(db, async () => {
      const { result } = await callAction(
        new Client(),
        listServerActions().find((action) => action.name === "signUpAction")!,
        [{ role: "SYSTEM", email: 5 }],
      );
      expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    });
  });
});
