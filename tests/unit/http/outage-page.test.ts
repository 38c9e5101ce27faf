import { describe, expect, it } from "vitest";
import { outagePage } from "@/lib/http/outage-page";

describe("the outage page", () => {
  it("is a 503 with Retry-After that says the reviews are safe, runs no script and leads a signed-in learner to the deck on the device", async () => {
    const response = outagePage("deck_1", true);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain("<h1>Alliance Recall is temporarily unavailable; your reviews are safe on this device.</h1>");
    expect(html).toContain('href="/study/offline?deck=deck_1"');
    expect(html).toContain("You are still signed in.");
    expect(html).not.toContain("<script");
  });

  it("does not tell a visitor who is not signed in that they are, nor offer a study page they have no deck for", async () => {
    const html = await outagePage(null, false).text();
    expect(html).toContain("<h1>Alliance Recall is temporarily unavailable; your reviews are safe on this device.</h1>");
    expect(html).toContain("Try this page again in a minute.");
    expect(html).not.toContain("signed in");
    expect(html).not.toContain("/study/offline");
  });

  it("never puts a deck id that is not an id into the link", async () => {
    expect(await outagePage('"><script>alert(1)</script>', true).text()).toContain('href="/study/offline"');
  });
});
