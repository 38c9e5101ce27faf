import { randomUUID } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { createCard } from "@/lib/cards/mutations";
import { cardContentSchema } from "@/lib/cards/schema";
import { assignDeck, createClass } from "@/lib/classes/mutations";
import { createDeck } from "@/lib/decks/mutations";
import { deckFieldsSchema } from "@/lib/decks/schema";
import { recordReview } from "@/lib/study/reviews/mutations";
import { createAccount, openDb, PASSWORD, testIp, type Account } from "./support/attacker";
import { launchBrowser, newContext, screenshot, uniqueEmail, type ViewportName } from "./support/browser";

/**
 * Issue #21, "Ways in", on a 390x844 phone: join links that survive sign-in and sign-up, join-code errors,
 * guest mode on the host the user came from, the one-row header, forms that show and clear their errors,
 * small text, and the class dashboard as cards.
 */

const db = openDb();
const browser = await launchBrowser();

function must<T>(result: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

/** A teacher with a class, and a one-card deck of their own assigned to it. */
async function classWithDeck(name: string) {
  const teacher = await createAccount(db, "TEACHER", "ways-teacher");
  const created = must(await createClass(db, teacher.id, name));
  const deck = must(await createDeck(db, teacher.id, deckFieldsSchema.parse({ name: `${name} deck` })));
  const card = must(
    await createCard(db, teacher.id, deck.id, cardContentSchema.parse({ kind: "QA", prompt: "Where did the 2025 summit meet?", answer: "The Hague" })),
  );
  must(await assignDeck(db, teacher.id, { classId: created.id, deckId: deck.id, targetDate: null, dailyGoal: null }));
  return { teacher, classId: created.id, joinCode: created.joinCode, deckName: `${name} deck`, cardId: card.id };
}

/** A phone (or desktop) page at its own client address, so per-address limits stay this file's own. */
async function phonePage(viewport: ViewportName = "phone", baseURL?: string) {
  const context = await newContext(browser, viewport);
  await context.setExtraHTTPHeaders({ "x-forwarded-for": testIp() });
  const page = await context.newPage();
  return { context, page, url: (path: string) => (baseURL ? new URL(path, baseURL).toString() : path) };
}

async function signInAs(page: Page, account: Account) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/dashboard");
}

async function borderColor(field: Locator): Promise<string> {
  return field.evaluate((element) => getComputedStyle(element).borderTopColor);
}

async function isFocused(field: Locator): Promise<boolean> {
  return field.evaluate((element) => element === document.activeElement);
}

const REFUSED_RED = "rgb(185, 28, 28)";

describe("a class join link opened signed out (item 8)", () => {
  it("survives sign-in's 'Create an account' and lands the new student in the class", async () => {
    const { joinCode } = await classWithDeck("Thursday NATO seminar");
    const { context, page } = await phonePage();
    await page.goto(`/join/${joinCode}`);
    await page.getByRole("link", { name: "I have an account: sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/signin");
    // The sign-in page says what the visitor came for…
    await page.getByRole("heading", { name: "Sign in to join your class" }).waitFor();
    expect(await page.getByRole("main").textContent()).toContain(`You are joining a class with the code ${joinCode}`);
    await screenshot(page, "join-sign-in", "phone");
    // …and its "Create an account" keeps the class.
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL((url) => url.pathname === "/signup" && url.searchParams.get("join") === joinCode);
    await page.getByLabel("Name").fill("Link Student");
    await page.getByLabel("Email").fill(uniqueEmail("link-student"));
    await page.getByLabel("Password").fill("revision on the bus 42");
    await page.getByRole("button", { name: "Create account and join" }).click();
    await page.waitForURL((url) => url.pathname === "/decks");
    await page.getByRole("status").filter({ hasText: "Welcome! You are in your class" }).waitFor();
    expect(await page.getByRole("region", { name: "Your classes" }).textContent()).toContain("Thursday NATO seminar");
    expect(await page.getByRole("main").textContent()).toContain("Thursday NATO seminar deck");
    await context.close();
  });

  it("a student who signs in from the link comes back to it and joins", async () => {
    const { joinCode, classId } = await classWithDeck("Friday seminar");
    const student = await createAccount(db, "STUDENT", "link-member");
    const { context, page } = await phonePage();
    await page.goto(`/join/${joinCode}`);
    await page.getByRole("link", { name: "I have an account: sign in" }).click();
    await page.getByLabel("Email").fill(student.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/join/${joinCode}`);
    await page.getByRole("button", { name: "Join class" }).click();
    await page.getByText("You joined Friday seminar.").waitFor();
    expect(await db.classMember.count({ where: { classId, userId: student.id } })).toBe(1);
    await context.close();
  });

  it("students find 'Join a class' on Decks and the Dashboard", async () => {
    const student = await createAccount(db, "STUDENT", "join-finder");
    const { context, page } = await phonePage();
    await signInAs(page, student);
    await page.getByRole("main").getByRole("link", { name: "Join a class" }).click();
    await page.waitForURL((url) => url.pathname === "/join");
    await page.goto("/decks");
    await page.getByRole("region", { name: "Your classes" }).getByRole("link", { name: "Join a class" }).click();
    await page.waitForURL((url) => url.pathname === "/join");
    await context.close();
  });
});

describe("join codes (item 9) and refused fields (item 11)", () => {
  it("a well-formed code no class has says so; a malformed one gets the format; the field is marked, focused and cleared when edited", async () => {
    const student = await createAccount(db, "STUDENT", "code-typer");
    const { context, page } = await phonePage();
    await signInAs(page, student);
    await page.goto("/join");
    const code = page.getByLabel("Join code");
    await code.fill("ABCD1234");
    await page.getByRole("button", { name: "Join class" }).click();
    await page.getByText("No class has that code.").waitFor();
    expect(await code.getAttribute("aria-invalid")).toBe("true");
    expect(await borderColor(code)).toBe(REFUSED_RED);
    expect(await isFocused(code)).toBe(true);
    await screenshot(page, "join-unknown-code", "phone");

    await code.fill("AB12");
    // Editing the field clears its stale error at once.
    expect(await code.getAttribute("aria-invalid")).toBeNull();
    await expect(page.getByText("No class has that code.").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Join class" }).click();
    await page.getByText("A join code has 8 letters and digits.").waitFor();
    await context.close();
  });

  it("Settings moves focus to the refused field far above the button, styled, and clears its error once fixed", async () => {
    const student = await createAccount(db, "STUDENT", "settings-typer");
    const { context, page } = await phonePage();
    await signInAs(page, student);
    await page.goto("/settings");
    const retention = page.getByLabel("Desired retention");
    await retention.fill("5");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => isFocused(retention)).toBe(true);
    await page.getByText("Check the highlighted settings.").waitFor();
    expect(await borderColor(retention)).toBe(REFUSED_RED);
    const box = (await retention.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await screenshot(page, "settings-refused", "phone");
    await retention.fill("0.9");
    expect(await retention.getAttribute("aria-invalid")).toBeNull();
    // Its only error fixed, the form's "check the highlighted settings" goes too.
    expect(await page.getByText("Check the highlighted settings.").count()).toBe(0);
    await context.close();
  });

  it("the card editor drops an error once its field is fixed, and sign-up styles and focuses a short password", async () => {
    const { teacher } = await classWithDeck("Editor class");
    const deck = must(await createDeck(db, teacher.id, deckFieldsSchema.parse({ name: "Empty deck" })));
    const { context, page } = await phonePage();
    await signInAs(page, teacher);
    // An empty deck, no filters: nothing to clear (item 12).
    await page.goto(`/teach/decks/${deck.id}`);
    await page.getByText("This deck has no cards yet. Add one or import a file.").waitFor();
    expect(await page.getByRole("main").textContent()).not.toContain("clear the filters");

    await page.goto(`/teach/decks/${deck.id}/cards/new`);
    await page.getByLabel("Kind").selectOption({ label: "Question and answer" });
    await page.getByLabel("Prompt").fill("Where did the 2025 summit meet?");
    await page.getByRole("button", { name: "Add card" }).click();
    const answer = page.getByLabel("Answer", { exact: true });
    await page.getByText("Enter an answer.").waitFor();
    expect(await isFocused(answer)).toBe(true);
    expect(await borderColor(answer)).toBe(REFUSED_RED);
    await answer.fill("The Hague");
    await expect(page.getByText("Enter an answer.").count()).resolves.toBe(0);
    expect(await answer.getAttribute("aria-invalid")).toBeNull();
    await context.close();

    const visitor = await phonePage();
    await visitor.page.goto("/signup");
    await visitor.page.getByLabel("Name").fill("Short Password");
    await visitor.page.getByLabel("Email").fill(uniqueEmail("short"));
    await visitor.page.getByLabel("Password").fill("short");
    await visitor.page.getByRole("button", { name: "Create account" }).click();
    const password = visitor.page.getByLabel("Password");
    // The message shows under the field and in the form's alert; both go once the field is edited.
    await visitor.page
      .getByText(/^Use at least 8 characters; this one has 5\.$/)
      .first()
      .waitFor();
    expect(await isFocused(password)).toBe(true);
    expect(await borderColor(password)).toBe(REFUSED_RED);
    await password.fill("a long enough passphrase");
    await expect(visitor.page.getByText(/^Use at least 8 characters/).count()).resolves.toBe(0);
    await visitor.context.close();
  });
});

describe("guest mode (item 10)", () => {
  it("starts from the landing page on the host the user came from, shows a guest marker, and warns before signing out", async () => {
    // The app's NEXTAUTH_URL names 127.0.0.1; this visitor reaches it as localhost, like a phone on a LAN address.
    const other = new URL(inject("baseUrl"));
    other.hostname = other.hostname === "localhost" ? "127.0.0.1" : "localhost";
    const { context, page, url } = await phonePage("phone", other.origin);
    await page.goto(url("/signup"));
    await page.getByRole("button", { name: "Try it without an account" }).waitFor();
    await page.goto(url("/"));
    await page.getByRole("button", { name: "Try it without an account" }).click();
    await page.waitForURL((at) => at.pathname === "/decks");
    expect(new URL(page.url()).host).toBe(other.host);
    await page.getByRole("heading", { name: "Decks" }).waitFor();
    const marker = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Guest/ });
    await marker.waitFor();
    expect((await headerRow(page)).tops.size).toBe(1);
    await screenshot(page, "guest-decks", "phone");

    // Sign out warns and offers to keep the progress.
    await page.getByRole("button", { name: "Sign out" }).click();
    const dialog = page.getByRole("dialog", { name: "Sign out of the guest account?" });
    await dialog.waitFor();
    await screenshot(page, "guest-sign-out", "phone");
    await dialog.getByRole("link", { name: "Create an account first" }).click();
    await page.waitForURL((at) => at.pathname === "/signup");
    const email = uniqueEmail("kept-guest");
    await page.getByLabel("Name").fill("Former Guest");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("revision on the bus 42");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((at) => at.pathname === "/decks");
    expect(new URL(page.url()).host).toBe(other.host);
    await expect.poll(() => marker.count()).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).isGuest).toBe(false);

    // A real account signs out at once, and stays on this host.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((at) => at.pathname === "/");
    expect(new URL(page.url()).host).toBe(other.host);
    await context.close();
  });

  it("a guest who chooses to sign out anyway is signed out", async () => {
    const { context, page } = await phonePage();
    await page.goto("/signin");
    await page.getByRole("button", { name: "Try it without an account" }).click();
    await page.waitForURL((at) => at.pathname === "/decks");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Sign out and lose my progress" }).click();
    await page.waitForURL((at) => at.pathname === "/");
    await page.getByRole("link", { name: "Sign in" }).first().waitFor();
    await context.close();
  });
});

/** The header's links and button, each on the same row, and the nav no taller than one row. */
async function headerRow(page: Page) {
  const nav = page.getByRole("navigation", { name: "Main" });
  const items = await nav.locator("a:visible, button:visible").all();
  const tops = await Promise.all(items.map(async (item) => Math.round((await item.boundingBox())!.y)));
  const box = (await nav.boundingBox())!;
  return {
    tops: new Set(tops),
    height: box.height,
    right: Math.max(
      ...(await Promise.all(
        items.map(async (item) => {
          const b = (await item.boundingBox())!;
          return b.x + b.width;
        }),
      )),
    ),
  };
}

describe("the signed-in header at 390 px (item 4)", () => {
  it("fits on one row for a teacher and a student, and marks the current page", async () => {
    for (const role of ["TEACHER", "STUDENT"] as const) {
      const account = await createAccount(db, role, `header-${role.toLowerCase()}`);
      const { context, page } = await phonePage();
      await signInAs(page, account);
      await page.goto("/decks");
      const row = await headerRow(page);
      expect(row.tops.size).toBe(1);
      expect(row.height).toBeLessThanOrEqual(64);
      expect(row.right).toBeLessThanOrEqual(390);
      const nav = page.getByRole("navigation", { name: "Main" });
      expect(await nav.getByRole("link", { name: "Decks" }).getAttribute("aria-current")).toBe("page");
      expect(await nav.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current")).toBeNull();
      if (role === "TEACHER") {
        await page.goto("/teach");
        expect(await nav.getByRole("link", { name: "Teach" }).getAttribute("aria-current")).toBe("page");
        // Client-side navigation moves the marker too (the header is not rendered again).
        await nav.getByRole("link", { name: "Settings" }).click();
        await page.waitForURL((url) => url.pathname === "/settings");
        await expect.poll(() => nav.getByRole("link", { name: "Settings" }).getAttribute("aria-current")).toBe("page");
        expect(await nav.getByRole("link", { name: "Teach" }).getAttribute("aria-current")).toBeNull();
      }
      await screenshot(page, `header-${role.toLowerCase()}`, "phone");
      await context.close();
    }
  });
});

describe("a class on the teacher's phone (items 12 and 13)", () => {
  it("shows one card per student with assignment progress, the hardest cards with lapse rate and difficulty, and a table on a tablet or wider", async () => {
    const { teacher, classId, deckName, cardId } = await classWithDeck("Phone seminar");
    const student = await createAccount(db, "STUDENT", "dashboard-student");
    await db.user.update({ where: { id: student.id }, data: { name: "Dana Student" } });
    await db.classMember.create({ data: { classId, userId: student.id, role: "STUDENT" } });
    const graded = await recordReview(db, student.id, { reviewId: randomUUID(), cardId, rating: 3, durationMs: 4000, expectedLastReview: null }, new Date());
    expect(graded).toMatchObject({ ok: true });

    // The student's own dashboard: one review on one day, and the last forecast label clear of the card edge.
    const own = await phonePage();
    await signInAs(own.page, student);
    const figure = (title: string) => own.page.locator("figure").filter({ has: own.page.getByRole("heading", { name: title }) });
    const heatmap = figure("Reviews in the last year");
    expect(await heatmap.textContent()).toContain("1 review on 1 day;");
    const forecast = figure("Reviews due in the next 30 days");
    const chart = forecast.locator("svg").first();
    const chartBox = (await chart.boundingBox())!;
    const lastLabel = chart.locator("text").last();
    const labelBox = (await lastLabel.boundingBox())!;
    expect(chartBox.x + chartBox.width - (labelBox.x + labelBox.width)).toBeGreaterThanOrEqual(4);
    await own.context.close();

    const { context, page } = await phonePage();
    await signInAs(page, teacher);
    await page.goto(`/teach/classes/${classId}`);
    expect(await page.getByRole("region", { name: "Assigned decks" }).textContent()).toMatch(/1 card(?!s)/);
    const card = page.getByRole("listitem", { name: "Dana Student" });
    await card.waitFor();
    expect(await card.textContent()).toContain(`${deckName}: 100% (1 of 1 cards)`);
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.getByRole("table").count()).toBe(0);
    const hardest = page.getByRole("region", { name: `Hardest cards in ${deckName}` });
    expect(await hardest.getByRole("heading").textContent()).toBe(deckName);
    expect(await hardest.textContent()).toMatch(/Lapse rate0%Difficulty \(1–10\)\d+\.\d/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(page, "class-dashboard-cards", "phone");
    await context.close();

    const desk = await phonePage("desktop");
    await signInAs(desk.page, teacher);
    await desk.page.goto(`/teach/classes/${classId}`);
    await desk.page.getByRole("row", { name: /Dana Student/ }).waitFor();
    expect(await desk.page.getByRole("listitem", { name: "Dana Student" }).isVisible()).toBe(false);
    await desk.context.close();
  });
});

describe("removing a student (item 3)", () => {
  it("asks first, keeps the student on Keep, and removes them only on Yes", async () => {
    const { teacher, classId } = await classWithDeck("Roster seminar");
    const student = await createAccount(db, "STUDENT", "roster-student");
    await db.user.update({ where: { id: student.id }, data: { name: "Riley Student" } });
    await db.classMember.create({ data: { classId, userId: student.id, role: "STUDENT" } });
    const members = () => db.classMember.count({ where: { classId, userId: student.id } });

    const { context, page } = await phonePage();
    await signInAs(page, teacher);
    await page.goto(`/teach/classes/${classId}`);
    await page.getByRole("button", { name: "Remove Riley Student" }).click();
    const question = page.getByRole("alertdialog", { name: /Remove Riley Student from the class\?/ });
    await question.waitFor();
    expect(await members()).toBe(1);
    await question.getByRole("button", { name: "Keep Riley Student" }).click();
    await page.getByRole("button", { name: "Remove Riley Student" }).waitFor();
    expect(await members()).toBe(1);

    await page.getByRole("button", { name: "Remove Riley Student" }).click();
    await page.getByRole("button", { name: "Yes, remove Riley Student" }).click();
    await expect.poll(members, { timeout: 15_000 }).toBe(0);
    await context.close();
  });
});
