import { describe, expect, it } from "vitest";
import { outagePage } from "@/lib/http/outage-page";

describe("the outage page", () => {
  it("is a 503 with Retry-After that says the reviews are safe, runs no script and leads to the deck on the device", async () => {
    const response = outagePage("deck_1");
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain("<h1>Alliance Recall is temporarily unavailable; your reviews are safe on this device.</h1>");
    expect(html).toContain('href="/study/offline?deck=deck_1"');
    expect(html).not.toContain("<script");
  });

  it("never puts a deck id that is not an id into the link", async () => {
    expect(await outagePage('"><script>alert(1)</script>').text()).toContain('href="/study/offline"');
  });
});
