import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import pg from "pg";
import { launchBrowser, newContext, screenshot, uniqueEmail, VIEWPORTS, type ViewportName } from "./support/browser";
import { NATO_DECK_NAME } from "@/seeds/load";

const browser = await launchBrowser();

async function reviewCountFor(email: string): Promise<number> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const result = await client.query(`SELECT count(*)::int AS n FROM "ReviewLog" r JOIN "User" u ON u.id = r."userId" WHERE u.email = $1`, [email]);
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
}

describe.each(Object.keys(VIEWPORTS) as ViewportName[])("a new student at %s", (viewport) => {
  it("signs up, studies the NATO deck by keyboard and taps, undoes once, and keeps progress after signing in again", async () => {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    const email = uniqueEmail(`student-${viewport}`);
    const password = "revision on the bus 42";

    await page.goto("/signup");
    await page.getByLabel("Name").fill("Journey Student");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/decks/);
    await page.getByRole("heading", { name: "Decks" }).waitFor();
    await screenshot(page, "decks", viewport);

    await page.getByRole("link", { name: new RegExp(`^Study ${NATO_DECK_NAME}`) }).click();
    await page.getByRole("button", { name: "Show answer" }).waitFor();
    await screenshot(page, "study-front", viewport);

    // Keyboard: Space shows the answer, 3 grades Good.
    for (let i = 0; i < 6; i++) {
      await page.getByRole("button", { name: "Show answer" }).waitFor();
      await page.keyboard.press("Space");
      await page.getByRole("button", { name: "Good" }).waitFor();
      if (i === 0) await screenshot(page, "study-back", viewport);
      await page.keyboard.press("3");
    }
    // Taps: the same loop with the on-screen buttons.
    for (let i = 0; i < 4; i++) {
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByRole("button", { name: i % 2 ? "Again" : "Easy" }).click();
    }
    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByRole("button", { name: "Show answer" }).waitFor();

    await expect.poll(() => reviewCountFor(email), { timeout: 15_000 }).toBe(9);

    await page.goto("/dashboard");
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await screenshot(page, "dashboard", viewport);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard/);
    expect(await reviewCountFor(email)).toBe(9);
    await context.close();
  });
});
