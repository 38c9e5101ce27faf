import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-address";
import { normalizeForwardedHeaders } from "@/scripts/support/forwarded-headers.mjs";

type NodeHeaders = Record<string, string | string[] | undefined>;

/** What the app sees for a request that reached scripts/serve.mjs from `socket` with these headers. */
function seen(headers: NodeHeaders, socket: string, hops: number) {
  const copy = { ...headers };
  normalizeForwardedHeaders(copy, socket, hops);
  return { headers: copy, ip: clientIp(copy, hops) };
}

describe("scripts/serve.mjs forwarding headers", () => {
  it("no trusted proxy: the socket address, whatever the client claims", () => {
    const { headers, ip } = seen(
      { "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", "x-real-ip": "5.6.7.8", host: "app:3000" },
      "203.0.113.9",
      0,
    );
    expect(ip).toBe("203.0.113.9");
    expect(headers["x-forwarded-for"]).toBe("203.0.113.9");
    expect(headers["x-forwarded-host"]).toBeUndefined();
    expect(headers["x-real-ip"]).toBeUndefined();
    expect(headers.host).toBe("app:3000");
  });

  it("no trusted proxy and no header: the socket address, IPv4-mapped IPv6 shortened", () => {
    expect(seen({}, "::ffff:192.0.2.10", 0).ip).toBe("192.0.2.10");
  });

  it("one trusted proxy: the address the proxy appended, not the client's claims before it", () => {
    const { ip, headers } = seen({ "x-forwarded-for": "6.6.6.6, 198.51.100.7", "x-forwarded-host": "recall.example.org" }, "10.0.0.2", 1);
    expect(ip).toBe("198.51.100.7");
    expect(headers["x-forwarded-host"]).toBe("recall.example.org");
  });

  it("two trusted proxies (a CDN, then nginx)", () => {
    expect(seen({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 172.16.0.5" }, "10.0.0.2", 2).ip).toBe("198.51.100.7");
  });

  it("one trusted proxy but a request that came straight in: the socket address", () => {
    expect(seen({}, "198.51.100.8", 1).ip).toBe("198.51.100.8");
  });

  it("repeated X-Forwarded-For headers are read as one list", () => {
    expect(seen({ "x-forwarded-for": ["6.6.6.6", "198.51.100.7"] }, "10.0.0.2", 1).ip).toBe("198.51.100.7");
  });
});
