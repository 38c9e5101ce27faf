import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp } from "@/lib/auth/rate-limit";
import { sameSitePath } from "@/lib/http/safe-path";
import { serverActionPayloadProblem } from "@/lib/http/server-action-payload";
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

// next-auth's own cookie defaults, which `useSecureCookies` selects; the module is not in its exports map.
const require = createRequire(import.meta.url);
const { defaultCookies } = require(path.join(path.dirname(require.resolve("next-auth")), "core/lib/cookie.js")) as {
  defaultCookies(secure: boolean): Record<string, { name: string; options: Record<string, unknown> }>;
};

describe("session cookies", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it.each([
    ["https://recall.example.org", true],
    ["http://localhost:3000", false],
    [undefined, false],
  ])("NEXTAUTH_URL %s makes them secure: %s", async (url, secure) => {
    vi.stubEnv("NEXTAUTH_URL", url);
    const { authOptions, usesSecureCookies } = await import("@/lib/auth/options");
    expect(usesSecureCookies()).toBe(secure);
    expect(authOptions.useSecureCookies).toBe(secure);
    const session = defaultCookies(secure).sessionToken!;
    expect(session.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure });
    expect(session.name).toBe(secure ? "__Secure-next-auth.session-token" : "next-auth.session-token");
  });
});

describe("content security policy", () => {
  it("lets scripts run only with the request's nonce in production", () => {
    const policy = contentSecurityPolicy("abc123", true);
    const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src"))!;
    expect(scriptSrc).toContain("'nonce-abc123'");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(contentSecurityPolicy("abc123", false)).toContain("'unsafe-eval'");
  });

  it("API answers may not load or run anything", () => {
    expect(API_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'/);
  });

  it("the fixed headers forbid sniffing and framing", () => {
    const headers = Object.fromEntries(securityHeaders().map(({ key, value }) => [key, value]));
    expect(headers).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });
});

describe("server action payloads", () => {
  it.each([
    ['[{"name":"Deck","tags":[]}]', null],
    ['[null,"$undefined","$$literal dollar","$D2026-01-01T00:00:00.000Z"]', null],
    ["not json", "The request body is not valid JSON."],
    ['{"name":"x"}', "A server action takes a JSON array of arguments."],
    ['["$0"]', "The arguments refer to data the request does not contain."],
    ['[{"deep":["$Q1"]}]', "The arguments refer to data the request does not contain."],
    ['["$@3"]', "The arguments refer to data the request does not contain."],
  ])("%s: %s", (text, problem) => {
    expect(serverActionPayloadProblem(text)).toBe(problem);
  });
});

describe("sign-in return paths", () => {
  it.each([
    ["/decks?deck=a#top", "/decks?deck=a#top"],
    ["/join/ABCD-EFGH", "/join/ABCD-EFGH"],
    ["//evil.example/x", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["/\t/evil.example", "/dashboard"],
    ["https://evil.example", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    [undefined, "/dashboard"],
  ])("%s -> %s", (candidate, expected) => {
    expect(sameSitePath(candidate, "/dashboard")).toBe(expected);
  });
});

describe("the client address throttles count against", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["1.2.3.4, 203.0.113.9", "203.0.113.9"],
    ["spoofed, also-spoofed,  203.0.113.9 ", "203.0.113.9"],
  ])("X-Forwarded-For %s -> %s (the entry our proxy appended)", (header, expected) => {
    expect(clientIp(new Headers({ "x-forwarded-for": header }))).toBe(expected);
  });

  it("falls back to X-Real-IP, then to one shared bucket", () => {
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientIp(new Headers())).toBe("local");
  });
});
