import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser";
import { findCardStatesDisagreeingWithLog } from "./support/card-state-audit";
import { query, signUp } from "./support/journeys";
import { phoneWithNetworkSwitch, type NetworkSwitch } from "./support/offline-network";
import { NATO_DECK_NAME } from "@/seeds/load";

const browser = await launchBrowser();
const MINUTE = 60_000;
// The page writes to IndexedDB and syncs in the background; on two shared cores that can take seconds.
const POLL = { timeout: 30_000 };

type DeviceState = { due: string; stability: number; difficulty: number; reps: number; lapses: number; state: number } | null;
type Device = {
  outbox: { reviewId: string; cardId: string; reviewedAt: string; held?: { code: string; message: string } }[];
  packs: { deckId: string | null; cards: { id: string; state: DeviceState }[] }[];
};

// Kept as source text: the page runs it, and the TypeScript loader would wrap named functions in a helper the page lacks.
const READ_DEVICE = `new Promise((resolve, reject) => {
  const open = indexedDB.open("alliance-recall");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const tx = open.result.transaction(["outbox", "packs"], "readonly");
    const outbox = tx.objectStore("outbox").getAll();
    const packs = tx.objectStore("packs").getAll();
    tx.oncomplete = () => {
      open.result.close();
      resolve({ outbox: outbox.result, packs: packs.result.map((stored) => stored.pack) });
    };
  };
})`;

/** What this phone keeps in IndexedDB: reviews not yet on the server, and the stored decks. */
const readDevice = (page: Page) => page.evaluate(READ_DEVICE) as Promise<Device>;

/** A phone whose clock is `skewMs` off: every Date the page makes is shifted, as when a clock drifts or is set by hand. */
const skewClock = (skewMs: number) => `(() => {
  const Real = Date;
  function Skewed(...args) {
    if (!new.target) return new Real(Real.now() + ${skewMs}).toString();
    return new Real(...(args.length === 0 ? [Real.now() + ${skewMs}] : args));
  }
  Skewed.prototype = Real.prototype;
  Skewed.now = () => Real.now() + ${skewMs};
  Skewed.parse = Real.parse;
  Skewed.UTC = Real.UTC;
  globalThis.Date = Skewed;
})();`;

/** Opens the NATO deck online and waits until it is stored on the device; returns the deck id. */
async function studyDeckOnline(page: Page): Promise<string> {
  await page.goto("/decks");
  await page.getByRole("link", { name: new RegExp(`^Study ${NATO_DECK_NAME}`) }).click();
  await page.getByRole("button", { name: "Show answer" }).waitFor();
  // The service worker fetches the study page and its scripts first: slow when the cores are busy.
  await page.getByText("Ready to review offline on this device.").waitFor({ timeout: 60_000 });
  // A page open before its service worker activated is controlled after the worker claims it, or else from its
  // next load: on busy cores the claim can miss this page, so it is loaded again under the worker.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.getByRole("button", { name: "Show answer" }).waitFor();
  }
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), POLL).toBe(true);
  return new URL(page.url()).searchParams.get("deck")!;
}

async function gradeCard(page: Page, grade: "Again" | "Hard" | "Good" | "Easy") {
  await page.getByRole("button", { name: "Show answer" }).click();
  await page.getByRole("button", { name: grade }).click();
  // The next card shows once the grade is stored on the device.
  await page.getByRole("button", { name: "Show answer" }).waitFor();
}

const saveStatus = (page: Page) => page.getByRole("status").filter({ hasText: /Offline|Saved|Saving|sync|not saved/ });
const progress = (page: Page) => page.getByRole("progressbar", { name: "Session progress" }).getAttribute("aria-valuetext");

async function serverReviews(email: string) {
  return query<{ id: string; cardId: string; reviewedAt: Date }>(
    `SELECT r.id, r."cardId", r."reviewedAt" FROM "ReviewLog" r JOIN "User" u ON u.id = r."userId" WHERE u.email = $1`,
    [email],
  );
}

/** Every card the server holds a state for equals this phone's stored copy, and equals a ts-fsrs replay of its log. */
async function expectPhoneAndServerAgree(page: Page, email: string, deckId: string) {
  const [user] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  const server = await query<{ cardId: string; due: Date; stability: number; difficulty: number; reps: number; lapses: number; state: number }>(
    `SELECT "cardId", due, stability, difficulty, reps, lapses, state FROM "CardState" WHERE "userId" = $1`,
    [user!.id],
  );
  expect(server.length).toBeGreaterThan(0);
  const device = await readDevice(page);
  expect(device.outbox).toEqual([]);
  const pack = device.packs.find((entry) => entry.deckId === deckId)!;
  for (const row of server) {
    const state = pack.cards.find((card) => card.id === row.cardId)?.state;
    expect({
      cardId: row.cardId,
      due: state?.due,
      stability: state?.stability,
      difficulty: state?.difficulty,
      reps: state?.reps,
      lapses: state?.lapses,
      state: state?.state,
    }).toEqual({
      ...row,
      due: row.due.toISOString(),
    });
  }
  expect(await findCardStatesDisagreeingWithLog(inject("databaseUrl"), [user!.id])).toEqual({ checked: server.length, disagreeing: [] });
}

describe("a phone whose clock is wrong", () => {
  for (const [label, skew] of [
    ["fast", 10 * MINUTE],
    ["slow", -10 * MINUTE],
  ] as const) {
    it(`loses no offline review with its clock 10 minutes ${label}, and ends agreeing with the server`, async () => {
      const { context, network } = await phoneWithNetworkSwitch(browser);
      await context.addInitScript(skewClock(skew));
      const page = await context.newPage();
      const { email } = await signUp(page, { name: "Clock Student", role: "student", emailPrefix: `clock-${label}` });
      const deckId = await studyDeckOnline(page);
      const phoneAhead = (await page.evaluate(() => Date.now())) - Date.now();
      expect(Math.round(phoneAhead / MINUTE)).toBe(skew / MINUTE);

      const started = Date.now();
      await network.off();
      for (const grade of ["Good", "Again", "Easy"] as const) await gradeCard(page, grade);
      await expect.poll(() => saveStatus(page).textContent(), POLL).toBe("Offline: 3 reviews waiting to sync");
      expect(await serverReviews(email)).toHaveLength(0);
      await network.on();
      await saveStatus(page)
        .filter({ hasText: /^Saved$/ })
        .waitFor({ timeout: 30_000 });
      const finished = Date.now();

      // All three on the server, each placed on the server's own timeline (when it really happened), not the phone's.
      const reviews = await serverReviews(email);
      expect(reviews).toHaveLength(3);
      for (const review of reviews) {
        expect(review.reviewedAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
        expect(review.reviewedAt.getTime()).toBeLessThanOrEqual(finished + 1000);
      }
      await expectPhoneAndServerAgree(page, email, deckId);
      await context.close();
    });
  }
});

describe("closing the tab right after a grade", () => {
  it("keeps the review and the stored deck's step together, so a reopened tab shows the next card and nothing doubles", async () => {
    const { context, network } = await phoneWithNetworkSwitch(browser);
    const first = await context.newPage();
    const { email } = await signUp(first, { name: "Tunnel Student", role: "student", emailPrefix: "tab-close" });
    const deckId = await studyDeckOnline(first);
    await network.off();
    await first.close();

    for (let trial = 0; trial < 6; trial++) {
      const tab = await context.newPage();
      await tab.goto(`/study?deck=${deckId}`);
      await tab.getByRole("button", { name: "Show answer" }).click();
      await tab.getByRole("button", { name: "Good" }).click();
      await tab.close();
    }

    const reopened = await context.newPage();
    await reopened.goto(`/study?deck=${deckId}`);
    await reopened.getByRole("button", { name: "Show answer" }).waitFor();
    await network.tell(reopened);
    const device = await readDevice(reopened);
    const pack = device.packs.find((entry) => entry.deckId === deckId)!;
    const perCard = new Map<string, number>();
    for (const review of device.outbox) perCard.set(review.cardId, (perCard.get(review.cardId) ?? 0) + 1);
    // Each stored review has its step in the stored deck, and no step is there without its review.
    for (const [cardId, count] of perCard) expect(pack.cards.find((card) => card.id === cardId)?.state?.reps).toBe(count);
    expect(pack.cards.filter((card) => (card.state?.reps ?? 0) > 0)).toHaveLength(perCard.size);
    // The session's progress was stored in the same step.
    await expect.poll(() => progress(reopened), POLL).toMatch(new RegExp(`^${device.outbox.length} of `));
    await screenshot(reopened, "offline-tab-reopened", "phone");
    expect(await serverReviews(email)).toHaveLength(0);

    await network.on();
    await saveStatus(reopened)
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 30_000 });
    const reviews = await serverReviews(email);
    expect(reviews).toHaveLength(device.outbox.length);
    expect(new Set(reviews.map((review) => review.cardId)).size).toBe(perCard.size);
    await expectPhoneAndServerAgree(reopened, email, deckId);
    await context.close();
  });
});

describe("what the phone says", () => {
  async function setUp(): Promise<{ context: BrowserContext; network: NetworkSwitch; page: Page; email: string; deckId: string; startUrl: string }> {
    const { context, network } = await phoneWithNetworkSwitch(browser);
    const page = await context.newPage();
    const { email } = await signUp(page, { name: "Message Student", role: "student", emailPrefix: "offline-messages" });
    const deckId = await studyDeckOnline(page);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    const { start_url: startUrl } = (await (await page.request.get(manifestHref!)).json()) as { start_url: string };
    return { context, network, page, email, deckId, startUrl };
  }

  it("says 'Could not sync, retrying' online when sends fail, and holds a review the server refuses (409) until the student decides", async () => {
    const { context, page, email } = await setUp();

    await page.route("**/api/reviews/sync", (route) => route.fulfill({ status: 502, contentType: "text/plain", body: "Bad gateway" }));
    await gradeCard(page, "Good");
    await expect.poll(() => saveStatus(page).textContent(), POLL).toBe("Could not sync, retrying: 1 review waiting");
    await screenshot(page, "offline-retrying", "phone");
    await page.unroute("**/api/reviews/sync");
    await saveStatus(page)
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 30_000 });
    expect(await serverReviews(email)).toHaveLength(1);

    let conflicts = 0;
    await page.route("**/api/reviews/sync", (route) => {
      conflicts += 1;
      const { reviews } = route.request().postDataJSON() as { reviews: { reviewId: string }[] };
      const rejected = reviews.map((review) => ({ reviewId: review.reviewId, reason: "id_reused" }));
      return route.fulfill({
        status: 409,
        contentType: "application/json",
        body: JSON.stringify({ ok: false, code: "conflict", message: "Review id already used.", rejected }),
      });
    });
    await gradeCard(page, "Hard");
    const held = page.getByRole("region", { name: /not saved$/ });
    await held.getByText("The server already has a different review under this review's id.").waitFor();
    await expect.poll(() => saveStatus(page).textContent(), POLL).toBe("1 review not saved: see below");
    await screenshot(page, "offline-held-review", "phone");
    // Kept on the device through a reload, and not sent again on its own.
    await page.reload();
    await page.getByRole("region", { name: "1 review was not saved" }).waitFor();
    expect((await readDevice(page)).outbox).toMatchObject([{ held: { code: "id_reused" } }]);
    expect(conflicts).toBe(1);

    await gradeCard(page, "Easy");
    await page.getByRole("region", { name: "2 reviews were not saved" }).waitFor();
    await page.unroute("**/api/reviews/sync");
    const [, later] = (await readDevice(page)).outbox.sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt));
    // Removing one is the student's choice; its card leaves the stored deck until the next download.
    await held.getByRole("listitem").nth(1).getByRole("button", { name: "Remove from this device" }).click();
    await page.getByRole("region", { name: "1 review was not saved" }).waitFor();
    const device = await readDevice(page);
    expect(device.outbox.map((review) => review.reviewId)).not.toContain(later!.reviewId);
    expect(device.packs.flatMap((pack) => pack.cards.map((card) => card.id))).not.toContain(later!.cardId);

    await held.getByRole("button", { name: "Send again" }).click();
    await saveStatus(page)
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 30_000 });
    await held.waitFor({ state: "detached" });
    await expect.poll(async () => (await serverReviews(email)).length, POLL).toBe(2);
    expect((await readDevice(page)).outbox).toEqual([]);
    await context.close();
  });

  it("offline: refuses bury without skipping the card, says sign-out needs the network, keeps progress and undo through a reopen, and the app opens on the stored deck", async () => {
    const { context, network, page, email, startUrl } = await setUp();
    await network.off();

    const card = page.getByRole("article");
    const shown = await card.innerText();
    await page.getByText("Card options").click();
    await page.getByRole("button", { name: /^Bury/ }).click();
    await page.getByText("Bury needs the network, so this card stays here. Your reviews are kept on this device.").waitFor();
    expect(await card.innerText()).toBe(shown);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Signing out needs the network. Reviews waiting on this device stay safe and sync when you are back online." })
      .waitFor();
    await screenshot(page, "offline-sign-out", "phone");

    for (const grade of ["Good", "Easy", "Again"] as const) await gradeCard(page, grade);
    await expect.poll(() => progress(page), POLL).toMatch(/^3 of \d+ cards$/);

    // The installed app's start page, opened with no network: the deck stored here, where the student left off.
    const app = await context.newPage();
    await page.close();
    await app.goto(startUrl);
    await app.getByRole("heading", { name: NATO_DECK_NAME }).waitFor();
    await app.getByRole("button", { name: "Show answer" }).waitFor();
    await network.tell(app);
    await expect.poll(() => progress(app), POLL).toMatch(/^3 of \d+ cards$/);
    await expect.poll(() => saveStatus(app).textContent(), POLL).toBe("Offline: 3 reviews waiting to sync");
    await screenshot(app, "offline-app-start", "phone");

    await app.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => saveStatus(app).textContent(), POLL).toBe("Offline: 2 reviews waiting to sync");
    await expect.poll(() => progress(app), POLL).toMatch(/^2 of \d+ cards$/);
    expect(await serverReviews(email)).toHaveLength(0);

    await network.on();
    await saveStatus(app)
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 30_000 });
    expect(await serverReviews(email)).toHaveLength(2);
    await context.close();
  });
});
