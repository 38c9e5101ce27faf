import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readEnv } from "@/lib/env";
import { clientIp, requestHost, requestProto } from "@/lib/http/client-address";
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
    const { authOptions } = await import("@/lib/auth/options");
    const { usesSecureCookies } = await import("@/lib/auth/session-callbacks");
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

  it.each([
    ["20,000-deep nested arrays", `[${"[".repeat(20_000)}${"]".repeat(20_000)}]`, "The arguments are nested too deeply."],
    ["a 200,000-element array", `[[${Array(200_000).fill("0").join(",")}]]`, "The arguments hold a list that is too long."],
    [
      "120,000 values in small arrays",
      `[${Array(2_000)
        .fill(`[${Array(60).fill("0").join(",")}]`)
        .join(",")}]`,
      "The arguments hold too many values.",
    ],
  ])("%s: %s", (_name, text, problem) => {
    expect(serverActionPayloadProblem(text)).toBe(problem);
  });

  it("follows a multipart body's references to the parts it sent, and refuses missing, wrong or cyclic ones", () => {
    const parts = new Map<string, string>([
      ["1", '{"note":"$B2"}'],
      ["2", "blob"],
      ["3", '["$3"]'],
    ]);
    expect(serverActionPayloadProblem('[null,"$K1"]', parts)).toBeNull();
    expect(serverActionPayloadProblem('["$1"]', parts)).toBeNull();
    expect(serverActionPayloadProblem('["$B2"]', parts)).toBeNull();
    expect(serverActionPayloadProblem('["$B5"]', parts)).toBe("The arguments refer to data the request does not contain.");
    expect(serverActionPayloadProblem('["$B1"]', parts)).toBe("The arguments refer to data the request does not contain.");
    expect(serverActionPayloadProblem('["$Q2"]', parts)).toBe("The arguments refer to data the request does not contain.");
    expect(serverActionPayloadProblem('["$3"]', parts)).toBe("The arguments refer to data the request does not contain.");
    expect(serverActionPayloadProblem('["$R1"]', parts)).toBe("The arguments refer to data the request does not contain.");
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
  // scripts/serve.mjs hands the app a chain that ends with the socket address (see forwarded-headers tests).
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["1.2.3.4, 203.0.113.9", "203.0.113.9"],
    ["spoofed, also-spoofed,  203.0.113.9 ", "203.0.113.9"],
  ])("no trusted proxy: chain %s -> %s (the socket address, last)", (header, expected) => {
    expect(clientIp(new Headers({ "x-forwarded-for": header }), 0)).toBe(expected);
  });

  it.each([
    [1, "spoofed, 198.51.100.7, 10.0.0.2", "198.51.100.7"],
    [2, "spoofed, 198.51.100.7, 10.0.0.3, 10.0.0.2", "198.51.100.7"],
    [1, "10.0.0.2", "10.0.0.2"],
  ])("%i trusted hop(s): chain %s -> %s (what the outermost proxy appended)", (hops, header, expected) => {
    expect(clientIp(new Headers({ "x-forwarded-for": header }), hops)).toBe(expected);
  });

  it("ignores X-Real-IP (a client's claim) and falls back to one shared bucket", () => {
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }), 0)).toBe("local");
    expect(clientIp(new Headers(), 0)).toBe("local");
  });

  it("reads X-Forwarded-Host and -Proto only behind a trusted proxy", () => {
    const headers = new Headers({ host: "app.internal:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(requestHost(headers, 0)).toBe("app.internal:3000");
    expect(requestProto(headers, 0)).toBeUndefined();
    expect(requestHost(headers, 1)).toBe("evil.example");
    expect(requestProto(headers, 1)).toBe("https");
  });

  it("TRUSTED_PROXY_HOPS defaults to 0 and refuses nonsense", () => {
    expect(readEnv({}).trustedProxyHops).toBe(0);
    expect(readEnv({ TRUSTED_PROXY_HOPS: "2" }).trustedProxyHops).toBe(2);
    expect(() => readEnv({ TRUSTED_PROXY_HOPS: "yes" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => readEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("sees a changed variable on the next read, though reads are kept between changes", () => {
    const source: Record<string, string | undefined> = { NEXTAUTH_URL: "http://localhost:3000" };
    expect(readEnv(source).NEXTAUTH_URL).toBe("http://localhost:3000");
    source.NEXTAUTH_URL = "https://recall.example.org";
    expect(readEnv(source).NEXTAUTH_URL).toBe("https://recall.example.org");
    source.AI_ASSIST_TIMEOUT_MS = "5";
    expect(() => readEnv(source)).toThrow(/AI_ASSIST_TIMEOUT_MS/);
  });
});
