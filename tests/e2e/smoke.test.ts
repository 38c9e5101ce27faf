import { describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, VIEWPORTS, type ViewportName } from "./support/browser";

const browser = await launchBrowser();

describe.each(Object.keys(VIEWPORTS) as ViewportName[])("landing and sign-up at %s", (viewport) => {
  it("serves the landing page with security headers and lets a visitor create an account", async () => {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-powered-by"]).toBeUndefined();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/NATO/);
    await screenshot(page, "landing", viewport);

    await page.getByRole("link", { name: "Create account" }).first().click();
    await page.getByLabel("Name").fill("Smoke Tester");
    await page.getByLabel("Email").fill(`smoke-${viewport}-${Date.now()}@example.org`);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /Use at least 8 characters/ })
      .waitFor();
    await screenshot(page, "signup-error", viewport);
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/decks/);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await context.close();
  });
});
