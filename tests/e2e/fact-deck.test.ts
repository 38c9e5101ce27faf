import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NATO_DECK_NAME } from "@/seeds/load";
import { launchBrowser, newContext } from "./support/browser";
import { query, signUp } from "./support/journeys";

const browser = await launchBrowser();
const CARD_SHOTS = path.resolve(import.meta.dirname, "screenshots/cards");
const FIRST_SESSION = 40;
const SHOWN_IN_README = 10;

describe("the shipped NATO deck at 390 px", () => {
  it("gives a first session of 40 new cards without two cards of one fact, and shows each card's source and explanation", async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    const account = await signUp(page, { name: "Fact Deck Student", role: "student", emailPrefix: "fact-deck" });
    await query(`UPDATE "User" SET "newCardsPerDay" = $1 WHERE email = $2`, [FIRST_SESSION, account.email]);

    await page.goto("/decks");
    await page.getByRole("link", { name: new RegExp(`^Study ${NATO_DECK_NAME.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).click();
    mkdirSync(CARD_SHOTS, { recursive: true });
    for (let index = 0; index < FIRST_SESSION; index++) {
      const show = page.getByRole("button", { name: "Show answer" });
      await show.waitFor();
      const shot = (side: string) => page.screenshot({ path: path.join(CARD_SHOTS, `${String(index + 1).padStart(2, "0")}-${side}.png`) });
      if (index < SHOWN_IN_README) {
        // The back of the card before was scrolled to its source; the front is shown from the top.
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot("front");
      }
      await show.click();
      await page.getByRole("button", { name: /^Easy/ }).waitFor();
      if (index < SHOWN_IN_README) {
        await page.getByText(/^Source:/).scrollIntoViewIfNeeded();
        expect(await page.getByText(/^Source:/).isVisible()).toBe(true);
        await shot("back");
      }
      // Easy graduates a new card at once, so each of the 40 grades meets a card not seen before.
      await page.getByRole("button", { name: /^Easy/ }).click();
    }

    await expect
      .poll(
        async () =>
          (
            await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ReviewLog" r JOIN "User" u ON u.id = r."userId" WHERE u.email = $1`, [account.email])
          )[0]!.n,
        { timeout: 20_000 },
      )
      .toBe(FIRST_SESSION);
    const reviewed = await query<{ cardId: string; factId: string | null; deck: string }>(
      `SELECT r."cardId", c."factId", d.name AS deck FROM "ReviewLog" r JOIN "Card" c ON c.id = r."cardId" JOIN "Deck" d ON d.id = c."deckId"
       JOIN "User" u ON u.id = r."userId" WHERE u.email = $1`,
      [account.email],
    );
    expect(reviewed.every((row) => row.deck === NATO_DECK_NAME && row.factId !== null)).toBe(true);
    expect(new Set(reviewed.map((row) => row.cardId)).size).toBe(FIRST_SESSION);
    expect(new Set(reviewed.map((row) => row.factId)).size).toBe(FIRST_SESSION);
    await context.close();
  });
});
