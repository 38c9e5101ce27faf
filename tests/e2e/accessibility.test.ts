import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newContext, screenshot, VIEWPORTS, type ViewportName } from "./support/browser";
import { addCard, createDeck, type Account, signIn, signUp } from "./support/journeys";

const browser = await launchBrowser();

type Fixture = { teacher: Account; deckId: string; cardPath: string; classPath: string };
let fixture: Fixture;

/** A teacher with a small deck assigned to a class, and one student who has joined and reviewed a card. */
beforeAll(async () => {
  const context = await browser.newContext({ baseURL: inject("baseUrl") });
  const page = await context.newPage();
  const teacher = await signUp(page, { name: "Axe Teacher", role: "teacher" });
  const deckId = await createDeck(page, "Accessibility deck");
  await addCard(page, deckId, {
    kind: "Multiple choice",
    prompt: "Which city hosted the 2025 summit?",
    answer: "The Hague",
    choices: ["The Hague", "Vilnius", "Madrid"],
  });
  await addCard(page, deckId, { kind: "True or false", prompt: "Sweden joined the alliance before Finland.", answer: "False" });
  await addCard(page, deckId, { kind: "Numeric", prompt: "How many member countries does the alliance have?", answer: "32" });
  const cardPath = (await page
    .getByRole("main")
    .getByRole("link", { name: /Sweden joined/ })
    .getAttribute("href"))!;

  await page.goto("/teach/classes/new");
  await page.getByLabel("Name").fill("Axe seminar");
  await page.getByRole("button", { name: "Create class" }).click();
  await page.getByRole("heading", { name: "Join code" }).waitFor();
  const classPath = new URL(page.url()).pathname;
  const joinCode = (await page.getByRole("region", { name: "Join code" }).locator("p.font-mono").textContent())!.trim();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: "Accessibility deck" });
  await page.getByRole("button", { name: "Assign" }).click();
  await page.getByText("Deck assigned.").waitFor();

  const studentContext = await browser.newContext({ baseURL: inject("baseUrl") });
  const student = await studentContext.newPage();
  await signUp(student, { name: "Axe Student", role: "student" });
  await student.goto(`/join/${joinCode}`);
  await student.getByRole("button", { name: "Join class" }).click();
  await student.getByText("You joined Axe seminar.").waitFor();
  await student.goto(`/study?deck=${deckId}`);
  await student.getByRole("button", { name: "Show answer" }).click();
  await student.getByRole("button", { name: "Good" }).click();
  await student.getByText("Saved").waitFor();
  await studentContext.close();
  await context.close();
  fixture = { teacher, deckId, cardPath, classPath };
});

const IMPORT_CSV = "front,back,tags\nWhere did defence ministers meet in June 2025?,Brussels,defence_ministerial_brussels_2025\n";

/** Picks IMPORT_CSV on the deck's import page and waits for the preview table. */
async function uploadImport(page: Page) {
  await page.getByLabel("File").setInputFiles({ name: "cards.csv", mimeType: "text/csv", buffer: Buffer.from(IMPORT_CSV) });
  const table = page.getByRole("region", { name: "Cards as they will be imported" });
  await table.waitFor();
  return table;
}

type Finding = { page: string; rule: string; impact: string; help: string; targets: string[] };

/** Serious and critical axe findings on the page as it is now (WCAG 2.x A and AA plus best practices). */
async function audit(page: Page, label: string, shot: { viewport: ViewportName; colorScheme: string }): Promise<Finding[]> {
  const name =
    label
      .replace(/\/c[a-z0-9]{20,}/g, "")
      .replace(/[^a-z]+/g, "-")
      .replace(/^-|-$/g, "") || "home";
  await screenshot(page, `axe-${name}-${shot.colorScheme}`, shot.viewport);
  const findings: Finding[] = [];
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0)
    findings.push({ page: label, rule: "horizontal-overflow", impact: "serious", help: `The page is ${overflow}px wider than the screen`, targets: [] });
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      page: label,
      rule: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }))
    .concat(findings);
}

async function visit(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(path);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

// The dark pass also narrows the phone to 360 px, the smallest common width, to catch overflow there.
const CASES: [ViewportName, "light" | "dark", number][] = [
  ["phone", "light", 390],
  ["desktop", "light", 1280],
  ["phone", "dark", 360],
];

describe.each(CASES)("accessibility at %s in %s colours, %i px wide", (viewport, colorScheme, width) => {
  it("has no serious or critical axe violations or sideways scrolling on the main pages", async () => {
    const findings: Finding[] = [];
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: VIEWPORTS[viewport].height });
    const shot = { viewport, colorScheme };

    for (const [path, heading] of [
      ["/", /./],
      ["/signin", "Sign in"],
      ["/signup", "Create account"],
    ] as const) {
      await visit(page, path, heading);
      findings.push(...(await audit(page, path, shot)));
    }

    await signIn(page, fixture.teacher, /\/(dashboard|teach)/);
    const { deckId, cardPath, classPath } = fixture;
    const pages: [string, string | RegExp][] = [
      ["/decks", "Decks"],
      ["/dashboard", "Dashboard"],
      ["/settings", "Settings"],
      ["/settings/personalize", "Personalize scheduling"],
      ["/teach", "Teach"],
      [`/dashboard/decks/${deckId}`, "Accessibility deck"],
      [`/teach/decks/${deckId}`, "Accessibility deck"],
      [`/teach/decks/${deckId}/import`, "Import cards"],
      [cardPath, "Edit card"],
      [`/teach/decks/${deckId}/cards/new`, "New card"],
      ["/teach/classes/new", "New class"],
      [classPath, "Axe seminar"],
      ["/join", "Join a class"],
    ];
    for (const [path, heading] of pages) {
      await visit(page, path, heading);
      findings.push(...(await audit(page, path, shot)));
    }

    // The import preview is wider than a phone (a tag without a break point), so it scrolls inside a box of its own.
    await visit(page, `/teach/decks/${deckId}/import`, "Import cards");
    await uploadImport(page);
    findings.push(...(await audit(page, "/teach/decks/import (preview)", shot)));

    await visit(page, "/teach/generate", "Generate cards");
    await page
      .getByLabel("Article text")
      .fill("Finland became the 31st member of the alliance in April 2023.\nThe alliance has 32 member countries since Sweden joined in March 2024.");
    await page.getByRole("button", { name: "Generate cards" }).click();
    await page.getByRole("heading", { name: "Candidate cards" }).waitFor();
    findings.push(...(await audit(page, "/teach/generate (candidates)", shot)));

    await visit(page, `/study?deck=${deckId}`, "Accessibility deck");
    await page.getByRole("button", { name: "Show answer" }).waitFor();
    findings.push(...(await audit(page, "/study (front)", shot)));
    await page.getByRole("button", { name: "Show answer" }).click();
    await page.getByRole("button", { name: "Good" }).waitFor();
    findings.push(...(await audit(page, "/study (back)", shot)));

    await visit(page, `/quiz/${deckId}`, /^Quiz/);
    findings.push(...(await audit(page, "/quiz (setup)", shot)));
    await page.getByRole("button", { name: "Start quiz" }).click();
    await page.getByText(/^Question 1 of/).waitFor();
    findings.push(...(await audit(page, "/quiz (question)", shot)));

    expect(findings).toEqual([]);
    await context.close();
  });
});

type Focused = { name: string; outlineStyle: string; outlineWidth: number };

/** Presses Tab `count` times and records what took focus and how its focus ring is drawn. */
async function tabThrough(page: Page, count: number): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      // Past the last control focus leaves the page; that is the browser's, not ours.
      if (!(element instanceof HTMLElement) || element === document.body) return null;
      const style = getComputedStyle(element);
      const name = element.getAttribute("aria-label") ?? element.innerText ?? "";
      return { name: name.replace(/\s+/g, " ").trim(), outlineStyle: style.outlineStyle, outlineWidth: Number.parseFloat(style.outlineWidth) };
    });
    if (focused) seen.push(focused);
  }
  return seen;
}

describe("keyboard and motion on the study screen", () => {
  it("reaches the study controls by Tab, each with a visible focus outline", async () => {
    const context = await newContext(browser, "desktop");
    const page = await context.newPage();
    await signIn(page, fixture.teacher, /\/(dashboard|teach)/);
    await visit(page, `/study?deck=${fixture.deckId}`, "Accessibility deck");
    await page.getByRole("button", { name: "Show answer" }).waitFor();

    const front = await tabThrough(page, 20);
    const names = front.map((focused) => focused.name);
    for (const control of ["Skip to content", "The Hague", "Vilnius", "Card options", "Show answer"]) {
      expect(
        names.some((name) => name.startsWith(control)),
        `${control} in ${names.join(" | ")}`,
      ).toBe(true);
    }
    for (const focused of front) expect(focused, focused.name).toMatchObject({ outlineStyle: "solid", outlineWidth: 3 });

    // Show answer by keyboard, then Tab on to the four grades.
    await page.getByRole("button", { name: "Show answer" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Good" }).waitFor();
    await screenshot(page, "study-back-keyboard", "desktop");
    const back = await tabThrough(page, 25);
    for (const grade of ["Again", "Hard", "Good", "Easy"]) {
      const focused = back.find((entry) => entry.name.startsWith(grade));
      expect(focused, `${grade} in ${back.map((entry) => entry.name).join(" | ")}`).toMatchObject({ outlineStyle: "solid", outlineWidth: 3 });
    }
    await context.close();
  });

  it("scrolls the import preview, wider than a phone, from the keyboard", async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    await signIn(page, fixture.teacher, /\/(dashboard|teach)/);
    await visit(page, `/teach/decks/${fixture.deckId}/import`, "Import cards");
    const table = await uploadImport(page);
    expect(await table.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    // Tab goes from the last column choice to the table, and the arrow keys scroll it.
    await page.getByLabel("Id (updates the card with this id)").focus();
    await page.keyboard.press("Tab");
    expect(await table.evaluate((box) => box === document.activeElement)).toBe(true);
    for (let press = 0; press < 3; press++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => table.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
    await context.close();
  });

  it("turns transitions off when the system asks for reduced motion", async () => {
    const durations: Record<string, number> = {};
    for (const reducedMotion of ["no-preference", "reduce"] as const) {
      const context = await browser.newContext({ baseURL: inject("baseUrl"), viewport: VIEWPORTS.phone, reducedMotion });
      const page = await context.newPage();
      await signIn(page, fixture.teacher, /\/(dashboard|teach)/);
      await visit(page, `/study?deck=${fixture.deckId}`, "Accessibility deck");
      const fill = page.getByRole("progressbar", { name: "Session progress" }).locator("div");
      durations[reducedMotion] = await fill.evaluate((element) => Number.parseFloat(getComputedStyle(element).transitionDuration));
      await context.close();
    }
    expect(durations["no-preference"]).toBeGreaterThan(0.05);
    expect(durations.reduce).toBeLessThan(0.001);
  });
});
