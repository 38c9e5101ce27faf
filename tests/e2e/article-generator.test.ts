import { describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, VIEWPORTS, type ViewportName } from "./support/browser";
import { query, signUp } from "./support/journeys";

const browser = await launchBrowser();

// Written for this test in our own words. It repeats two claims source-errors.md lists (the summit "in July",
// "U.S. Senator Marco Rubio"), names background the fact base and the gazetteer know, and has a line that leans
// on the article for its date.
const ARTICLE = [
  "THE HAGUE — NATO leaders met for the Hague summit on 24 and 25 July 2025 and agreed to spend 5% of GDP on defence by 2035.",
  "U.S. Senator Marco Rubio had attended the NATO foreign ministers' meeting in Brussels in April 2025 for the United States.",
  "Leaders restated their commitment to Article 5 of the Washington Treaty.",
  "Jens Stoltenberg, Secretary General until October 2024, was not in the room.",
  "The alliance has 32 member countries since Sweden joined in March 2024.",
].join("\n\n");

describe.each(Object.keys(VIEWPORTS) as ViewportName[])("a teacher turning an article into cards at %s", (viewport) => {
  it("sees the frame, flagged errors with the record, verified background, weaker cards apart, and saves the top ranks", async () => {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    await signUp(page, { name: "Article Teacher", role: "teacher" });
    await page.goto("/teach/generate");

    // Bad input is refused with a reason and nothing is proposed.
    await page.getByRole("button", { name: "Generate cards" }).click();
    await page.getByText("Paste an article or upload a file.").first().waitFor();
    await page
      .getByLabel("Article text")
      .fill("Les ministres des affaires étrangères de l'Alliance se sont réunis à Bruxelles pour préparer le sommet de La Haye.");
    await page.getByRole("button", { name: "Generate cards" }).click();
    await page.getByText("The article is not in English. The generator reads English articles only.").first().waitFor();
    expect(await page.getByRole("heading", { name: "Candidate cards" }).count()).toBe(0);

    await page.getByLabel("Article text").fill(ARTICLE);
    await page.getByLabel("Source name").fill("Summit wrap-up");
    await page.getByRole("button", { name: "Generate cards" }).click();
    await page.getByRole("heading", { name: "Candidate cards" }).waitFor();

    // The frame read from the article, with the fact base's dates for the summit instead of the article's July.
    expect(await page.getByLabel("Event").inputValue()).toMatch(/Hague/);
    expect(await page.getByLabel(/^Date/).inputValue()).toBe("2025-06-24/2025-06-25");

    const main = page.getByRole("main");
    const cards = main.getByRole("listitem");
    // Both errors are flagged, each with the record in words, and no visible card teaches them.
    const flagged = cards.filter({ hasText: "Flagged: the article repeats a known error." });
    await expect.poll(() => flagged.count()).toBe(2);
    await flagged.filter({ hasText: "Secretary of State" }).first().waitFor();
    for (const front of await main.locator("li > p[id$='-prompt']").allTextContents()) expect(front).not.toMatch(/Senator|July/);
    // Background the article only names comes as verified facts, with the sentence that names it.
    const background = cards.filter({ hasText: "Verified background the article mentions" });
    await background.filter({ hasText: "Who was NATO Secretary General from October 2014 to October 2024?" }).waitFor();
    await background.filter({ hasText: "In the article: “Jens Stoltenberg" }).waitFor();
    await cards.filter({ hasText: /Which article of the North Atlantic Treaty provides that an armed attack/ }).waitFor();
    // No card shows raw cloze markup.
    expect((await main.textContent()) ?? "").not.toContain("{{c1::");
    await screenshot(page, "teach-generate-candidates", viewport);

    // Cards that lean on the article are kept apart, each with its reason, one tap away.
    await page.getByText(/weaker candidates that lean on the article/).click();
    await main
      .getByText(/^Kept apart: .+\. Edit it before keeping it\.$/)
      .first()
      .waitFor();

    // One tap accepts the top two and rejects the rest; the buttons show their state.
    await page.getByLabel("Accept the top").fill("2");
    await page.getByRole("button", { name: "Accept ranks 1–2, reject the rest" }).click();
    const total = await cards.count();
    await page.getByText(`2 of ${total} cards accepted.`).waitFor();
    const first = page.getByRole("group", { name: "Card 1", exact: true });
    expect(await first.getByRole("button", { name: "Accept" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByRole("group", { name: "Card 3", exact: true }).getByRole("button", { name: "Reject" }).getAttribute("aria-pressed")).toBe("true");

    await page.getByLabel("Deck", { exact: true }).selectOption({ label: "A new deck…" });
    const deckName = `Hague wrap-up (${viewport})`;
    await page.getByLabel("New deck name").fill(deckName);
    await page.getByRole("button", { name: "Save to deck" }).click();
    await page.getByText("Saved: 2 new cards, 0 updated.").waitFor();
    const stored = await query<{ prompt: string; sourceDocument: string; factId: string | null }>(
      `SELECT c.prompt, c."sourceDocument", c."factId" FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" WHERE d.name = $1`,
      [deckName],
    );
    expect(stored).toHaveLength(2);
    // The two flagged facts rank first and are stored as the record, with their sources.
    for (const card of stored) {
      expect(card.prompt).not.toMatch(/Senator|July/);
      expect(card.sourceDocument).toMatch(/\w/);
      expect(card.factId).toMatch(/rubio|hague-2025-summit-dates/);
    }
    await context.close();
  });
});
