import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { launchBrowser, newContext, screenshot, uniqueEmail } from "./support/browser";
import { phoneWithNetworkSwitch } from "./support/offline-network";
import { NATO_DECK_NAME } from "@/seeds/load";

const browser = await launchBrowser();
// Background writes and syncs can take seconds on two shared cores; expect.poll's own default is one second.
const POLL = { timeout: 15_000 };

/** The learner's reviews on the server, and how many distinct ids they have. */
async function serverReviews(email: string): Promise<{ total: number; distinct: number }> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT count(*)::int AS total, count(DISTINCT r.id)::int AS distinct FROM "ReviewLog" r JOIN "User" u ON u.id = r."userId" WHERE u.email = $1`,
      [email],
    );
    return result.rows[0] as { total: number; distinct: number };
  } finally {
    await client.end();
  }
}

describe("installing the app", () => {
  it("links a manifest that opens on study full screen, with icons that load, a touch icon and a theme colour", async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    await page.goto("/");
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await page.request.get(manifestHref!)).json();
    expect(manifest).toMatchObject({ short_name: "Alliance Recall", start_url: "/study", display: "standalone", theme_color: "#1d4ed8" });
    const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
    const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    for (const src of [...icons.map((icon) => icon.src), touchIcon!]) {
      const response = await page.request.get(src);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
    }
    expect(await page.locator('meta[name="theme-color"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe("reviewing on a phone with no network", () => {
  it("keeps ten offline reviews through a reload and sends each to the server once when back online", async () => {
    const { context, network } = await phoneWithNetworkSwitch(browser);
    const page = await context.newPage();
    const email = uniqueEmail("offline");

    await page.goto("/signup");
    await page.getByLabel("Name").fill("Offline Student");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("reviewing in the tunnel 7");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/decks/);
    await page.getByRole("link", { name: new RegExp(`^Study ${NATO_DECK_NAME}`) }).click();
    await page.getByRole("button", { name: "Show answer" }).waitFor();
    // The deck's next days are in IndexedDB and the service worker holds the study page.
    await page.getByText("Ready to review offline on this device.").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), POLL).toBe(true);

    await network.off();
    // The service worker reaches nothing either, so what loads below really comes from its cache.
    const [worker] = context.serviceWorkers();
    expect(
      await worker!.evaluate(() =>
        fetch("/api/health").then(
          () => "reached",
          () => "unreachable",
        ),
      ),
    ).toBe("unreachable");
    const grades = ["Good", "Easy", "Again", "Good", "Hard", "Easy", "Good", "Good", "Easy", "Good"];
    for (const grade of grades) {
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByRole("button", { name: grade }).click();
    }
    const status = page.getByRole("status").filter({ hasText: "Offline" });
    await expect.poll(() => status.textContent(), POLL).toBe("Offline: 10 reviews waiting to sync");
    await screenshot(page, "offline-review", "phone");

    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    // The stored study page (no server data in it), not a fresh server render.
    expect(await reloaded!.text()).toContain("Loading your cards from this device");
    await page.getByRole("button", { name: "Show answer" }).waitFor();
    await network.tell(page);
    await expect.poll(() => status.textContent(), POLL).toBe("Offline: 10 reviews waiting to sync");
    await page.getByRole("heading", { name: NATO_DECK_NAME }).waitFor();
    await screenshot(page, "offline-reloaded", "phone");

    // Other pages say they need the network and lead back to the deck this device studied last.
    await page.goto("/dashboard");
    await page.getByRole("heading", { name: "You are offline" }).waitFor();
    await page.getByRole("link", { name: "Review offline" }).click();
    await page.getByRole("heading", { name: NATO_DECK_NAME }).waitFor();
    await network.tell(page);
    await expect.poll(() => status.textContent(), POLL).toBe("Offline: 10 reviews waiting to sync");
    expect(await serverReviews(email)).toEqual({ total: 0, distinct: 0 });

    await network.on();
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 30_000 });
    expect(await serverReviews(email)).toEqual({ total: 10, distinct: 10 });
    // Going online again later sends nothing twice.
    await page.reload();
    await page.getByRole("button", { name: "Show answer" }).waitFor();
    expect(await serverReviews(email)).toEqual({ total: 10, distinct: 10 });
    await context.close();
  });
});
