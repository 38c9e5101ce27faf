import { describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot } from "./support/browser";
import { addCard, createDeck, query, signUp } from "./support/journeys";

const browser = await launchBrowser();

const HEADQUARTERS = "Which city hosts the alliance headquarters?";
const SWEDEN = "Which country joined the alliance in March 2024?";
const FINLAND = "Which country joined the alliance in April 2023?";
const SUMMIT = "Where is the 2026 summit of heads of state planned?";

/** The teacher's cards as stored, by prompt: which deck each is in and its tags. */
async function storedCards(email: string): Promise<Record<string, { deck: string; tags: string[] }>> {
  const rows = await query<{ prompt: string; deck: string; tags: string[] }>(
    `SELECT c.prompt, d.name AS deck, c.tags FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" JOIN "User" u ON u.id = d."ownerId"
     WHERE u.email = $1`,
    [email],
  );
  return Object.fromEntries(rows.map(({ prompt, deck, tags }) => [prompt, { deck, tags }]));
}

describe("the deck page's bulk bar at phone", () => {
  it("tags, untags, moves and deletes the checked cards, asking before it deletes", async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    const account = await signUp(page, { name: "Bulk Teacher", role: "teacher" });
    const targetId = await createDeck(page, "Enlargement");
    const deckId = await createDeck(page, "Alliance basics");
    for (const [prompt, answer] of [
      [HEADQUARTERS, "Brussels"],
      [SWEDEN, "Sweden"],
      [FINLAND, "Finland"],
      [SUMMIT, "Ankara"],
    ] as const) {
      await addCard(page, deckId, { kind: "Question and answer", prompt, answer });
    }

    await page.goto(`/teach/decks/${deckId}`);
    const cards = page.getByRole("region", { name: "Cards" }).getByRole("listitem");
    const row = (prompt: string) => cards.filter({ has: page.getByRole("link", { name: prompt }) });
    const check = (prompt: string) => row(prompt).getByRole("checkbox").check();
    const bar = page.getByRole("group", { name: /^With \d+ selected$/ });
    const shownPrompts = () => cards.getByRole("link").allInnerTexts();
    await expect.poll(shownPrompts).toEqual([HEADQUARTERS, SWEDEN, FINLAND, SUMMIT]);
    expect(await bar.getByRole("button", { name: "Delete selected" }).isDisabled()).toBe(true);

    // Tag two cards; the tag is stored in its normal form and shown on their rows.
    await check(SWEDEN);
    await check(FINLAND);
    await page.getByRole("group", { name: "With 2 selected" }).waitFor();
    await bar.getByRole("textbox", { name: "Tag" }).fill("Joined late");
    await bar.getByRole("button", { name: "Add tag" }).click();
    await page.getByText("Tagged 2 cards.").waitFor();
    await page.getByRole("group", { name: "With 0 selected" }).waitFor();
    await row(SWEDEN)
      .getByText(/· joined-late$/)
      .waitFor();
    await row(FINLAND)
      .getByText(/· joined-late$/)
      .waitFor();
    expect(
      await row(HEADQUARTERS)
        .getByText(/joined-late/)
        .count(),
    ).toBe(0);

    // Take it off one of them again.
    await check(FINLAND);
    await bar.getByRole("button", { name: "Remove tag" }).click();
    await page.getByText("Untagged 1 card.").waitFor();
    await expect
      .poll(() =>
        row(FINLAND)
          .getByText(/joined-late/)
          .count(),
      )
      .toBe(0);
    expect(await storedCards(account.email)).toEqual({
      [HEADQUARTERS]: { deck: "Alliance basics", tags: [] },
      [SWEDEN]: { deck: "Alliance basics", tags: ["joined-late"] },
      [FINLAND]: { deck: "Alliance basics", tags: [] },
      [SUMMIT]: { deck: "Alliance basics", tags: [] },
    });

    // Move two cards to the other deck: they leave this table, keep their tags and appear there.
    await check(SWEDEN);
    await check(SUMMIT);
    await bar.getByRole("combobox", { name: "Move to deck" }).selectOption({ label: "Enlargement" });
    await bar.getByRole("button", { name: "Move", exact: true }).click();
    await page.getByText("Moved 2 cards.").waitFor();
    await expect.poll(shownPrompts).toEqual([HEADQUARTERS, FINLAND]);
    await page.getByText("2 cards · private", { exact: true }).waitFor();

    // Delete asks first; Cancel deletes nothing and keeps the checks.
    await page.getByRole("checkbox", { name: "Select all 2 shown" }).check();
    await bar.getByRole("button", { name: "Delete selected" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete 2 cards? Students lose their progress on them." });
    await confirm.waitFor();
    await screenshot(page, "teach-bulk-confirm", "phone");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(Object.keys(await storedCards(account.email))).toHaveLength(4);
    await page.getByRole("group", { name: "With 2 selected" }).waitFor();

    // With no connection the bar says nothing was saved, deletes nothing, and stays usable with the same checks.
    await page.route("**/*", (route) => (route.request().headers()["next-action"] ? route.abort("internetdisconnected") : route.fallback()));
    await bar.getByRole("button", { name: "Delete selected" }).click();
    await page.getByRole("alertdialog", { name: "Delete 2 cards? Students lose their progress on them." }).getByRole("button", { name: "Yes, delete" }).click();
    await page.getByText(/^Nothing was saved: Alliance Recall could not be reached/).waitFor();
    await page.unroute("**/*");
    expect(await bar.getByRole("button", { name: "Delete selected" }).isEnabled()).toBe(true);
    await page.getByRole("group", { name: "With 2 selected" }).waitFor();
    expect(Object.keys(await storedCards(account.email))).toHaveLength(4);

    await row(FINLAND).getByRole("checkbox").uncheck();
    await bar.getByRole("button", { name: "Delete selected" }).click();
    await page.getByRole("alertdialog", { name: "Delete 1 card? Students lose their progress on them." }).getByRole("button", { name: "Yes, delete" }).click();
    await page.getByText("Deleted 1 card.").waitFor();
    await expect.poll(shownPrompts).toEqual([FINLAND]);
    await page.getByText("1 card · private", { exact: true }).waitFor();
    await screenshot(page, "teach-bulk", "phone");
    expect(await storedCards(account.email)).toEqual({
      [FINLAND]: { deck: "Alliance basics", tags: [] },
      [SWEDEN]: { deck: "Enlargement", tags: ["joined-late"] },
      [SUMMIT]: { deck: "Enlargement", tags: [] },
    });

    await page.goto(`/teach/decks/${targetId}`);
    await page.getByRole("heading", { name: "Enlargement" }).waitFor();
    await expect.poll(shownPrompts).toEqual([SWEDEN, SUMMIT]);
    await context.close();
  });
});
