import { describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, VIEWPORTS, type ViewportName } from "./support/browser";
import { query, signIn, signUp } from "./support/journeys";

const browser = await launchBrowser();

type StoredSettings = { desiredRetention: number; newCardsPerDay: number; timeZone: string; dayStartHour: number; learningSteps: string[] };

async function storedSettings(email: string): Promise<StoredSettings> {
  const rows = await query<StoredSettings>(
    `SELECT "desiredRetention", "newCardsPerDay", "timeZone", "dayStartHour", "learningSteps" FROM "User" WHERE email = $1`,
    [email],
  );
  return rows[0]!;
}

describe.each(Object.keys(VIEWPORTS) as ViewportName[])("settings and sessions at %s", (viewport) => {
  it("saves valid study settings, refuses a bad one with a clear error, and explains personalization", async () => {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    const account = await signUp(page, { name: "Settings Student", role: "student" });

    await page.goto("/settings");
    await page.getByLabel("Desired retention").fill("0.85");
    await page.getByLabel("New cards per day").fill("35");
    await page.getByLabel("Learning steps", { exact: true }).fill("2m 15m");
    await page.getByLabel("Time zone").selectOption("Europe/Brussels");
    await page.getByLabel("Day starts at (hour)").fill("5");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();
    const saved = { desiredRetention: 0.85, newCardsPerDay: 35, timeZone: "Europe/Brussels", dayStartHour: 5, learningSteps: ["2m", "15m"] };
    expect(await storedSettings(account.email)).toEqual(saved);

    await page.reload();
    expect(await page.getByLabel("Desired retention").inputValue()).toBe("0.85");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Europe/Brussels");

    // A retention above 0.99 is refused next to the field, and nothing at all is saved.
    await page.getByLabel("Desired retention").fill("1.5");
    await page.getByLabel("New cards per day").fill("50");
    await page.getByRole("button", { name: "Save settings" }).click();
    const retention = page.getByLabel("Desired retention");
    await expect.poll(() => retention.getAttribute("aria-invalid")).toBe("true");
    const errorId = (await retention.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-error"))!;
    expect(await page.locator(`#${errorId}`).textContent()).toBe("Use at most 0.99.");
    expect(await retention.inputValue()).toBe("1.5");
    await screenshot(page, "settings-error", viewport);
    expect(await storedSettings(account.email)).toEqual(saved);

    await page.getByRole("link", { name: "Personalize scheduling" }).click();
    await page.getByRole("heading", { level: 1, name: "Personalize scheduling" }).waitFor();
    await page.getByText("Personalizing needs at least 400 reviews across 50 cards. You need 400 more reviews and 50 more cards.").waitFor();
    expect(await page.getByRole("button", { name: "Compute my parameters" }).count()).toBe(0);
    await page.getByText("The estimate appears once some of your cards have graduated to review.").waitFor();
    await screenshot(page, "personalize", viewport);
    await context.close();
  });

  it("ends the other session on a password change, and refuses a signed-out session's cookie", async () => {
    const first = await newContext(browser, viewport);
    const here = await first.newPage();
    const account = await signUp(here, { name: "Two Devices", role: "student" });
    const second = await newContext(browser, viewport);
    const there = await second.newPage();
    await signIn(there, account);
    await there.goto("/settings");
    await there.getByRole("heading", { name: "Settings" }).waitFor();

    await here.goto("/settings");
    await here.getByLabel("Current password").fill(account.password);
    await here.getByLabel("New password").fill("a brand new passphrase 7");
    await here.getByRole("button", { name: "Change password" }).click();
    await here.getByText("Password changed. You have been signed out on every device, including this one.").waitFor();

    // The other device is signed out on its next navigation.
    await there.goto("/decks");
    await there.waitForURL(/\/signin\?callbackUrl=%2Fdecks/);
    await there.getByLabel("Email").fill(account.email);
    await there.getByLabel("Password").fill("a brand new passphrase 7");
    await there.getByRole("button", { name: "Sign in" }).click();
    await there.waitForURL(/\/decks$/);

    // Sign out, then replay the old cookie from a fresh browser: refused.
    const cookies = await second.cookies();
    expect(cookies.some((cookie) => cookie.name.includes("session-token"))).toBe(true);
    await there.getByRole("button", { name: "Sign out" }).click();
    await there.waitForURL((url) => url.pathname === "/");
    const replay = await newContext(browser, viewport);
    await replay.addCookies(cookies);
    const thief = await replay.newPage();
    await thief.goto("/dashboard");
    await thief.waitForURL(/\/signin/);
    expect((await replay.request.get("/api/study/queue")).status()).toBe(401);

    await Promise.all([first.close(), second.close(), replay.close()]);
  });
});
