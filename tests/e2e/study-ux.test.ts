import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDb } from "./support/attacker";
import { launchBrowser, newContext, screenshot } from "./support/browser";
import { signUp } from "./support/journeys";

/** Issue #21, items 1–7: the study screen for a newcomer on a 390×844 phone. */
const browser = await launchBrowser();
const db = openDb();

type Seed = { kind: "QA" | "MCQ" | "NUMERIC" | "CLOZE"; prompt: string; answer: string; choices?: string[]; explanation?: string };

const LAYOUT_CARD: Seed = {
  kind: "MCQ",
  prompt: "Which city hosted the NATO summit at which allies agreed to spend 5% of GDP on defence by 2035?",
  answer: "The Hague",
  choices: ["The Hague", "Vilnius, the capital of Lithuania", "Washington, D.C., in the United States", "Madrid, the capital of Spain"],
  explanation:
    "Allied leaders met in The Hague on 24–25 June 2025 and agreed to invest 5% of GDP a year in core defence and defence-related spending by 2035, reviewed in 2029. Explanation ends here.",
};
const question = (index: number): Seed => ({ kind: "QA", prompt: `Practice question number ${index}?`, answer: `Answer ${index}` });

/** A student signed up through the form, with a private deck of `cards` in this order; their id and the deck's. */
async function studentWithDeck(page: Page, cards: Seed[]) {
  const account = await signUp(page, { name: "Phone Student", role: "student" });
  const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, select: { id: true } });
  const deck = await db.deck.create({ data: { ownerId: user.id, name: "My phone deck" }, select: { id: true } });
  await db.card.createMany({ data: cards.map((card, position) => ({ deckId: deck.id, position, choices: [], ...card })) });
  const ids = (await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" }, select: { id: true } })).map((card) => card.id);
  return { userId: user.id, deckId: deck.id, cardIds: ids };
}

const stateOf = (userId: string, cardId: string) =>
  db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } }, select: { suspended: true, buriedUntil: true, state: true, reps: true } });
const reviewsOf = (userId: string) => db.reviewLog.count({ where: { userId } });
const toast = (page: Page) => page.locator("[role=status]", { hasText: /undone|Buried|Suspended|Reset/ });

describe("the study screen at 390×844", () => {
  it("undo takes back the last step, whatever it was: a grade, a bury, a suspend or a reset; card options close after an action", async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    const { userId, deckId, cardIds } = await studentWithDeck(page, [question(0), question(1), question(2), question(3)]);
    await page.goto(`/study?deck=${deckId}`);

    // The steps: grade a card, bury the next from Card options, then Undo.
    await page.getByText("Practice question number 0?").waitFor();
    await page.getByRole("button", { name: "Show answer" }).click();
    // A new card's buttons say when it comes back: the learning steps, worked out on the phone when shown.
    for (const [grade, interval] of [
      ["Again", "1m"],
      ["Good", "10m"],
    ]) {
      expect(await page.getByRole("button", { name: new RegExp(`^${grade}.*Next review in ${interval}$`) }).count()).toBe(1);
    }
    await page.getByRole("button", { name: /^Good/ }).click();
    await page.getByText("Practice question number 1?").waitFor();
    await page.getByRole("button", { name: "Card options" }).click();
    await page.getByRole("button", { name: /^Bury/ }).click();
    await toast(page).getByText("Buried until tomorrow.").waitFor();
    await page.getByText("Practice question number 2?").waitFor();
    // The panel closed after the action: Bury is not one tap away on the next card.
    expect(await page.getByRole("button", { name: /^Bury/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Card options" }).getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => stateOf(userId, cardIds[1]!).then((state) => state?.buriedUntil !== null && state !== null)).toBe(true);
    await screenshot(page, "study-bury-toast", "phone");

    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByText("Practice question number 1?").waitFor();
    await toast(page).getByText("Bury undone.").waitFor();
    await expect.poll(() => stateOf(userId, cardIds[1]!)).toBeNull();
    expect(await reviewsOf(userId)).toBe(1);

    // The next Undo takes back the grade.
    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByText("Practice question number 0?").waitFor();
    await expect.poll(() => reviewsOf(userId)).toBe(0);

    // Suspend, with its own toast and Undo.
    await page.getByRole("button", { name: "Card options" }).click();
    await page.getByRole("button", { name: /^Suspend/ }).click();
    await toast(page)
      .getByText(/^Suspended/)
      .waitFor();
    await expect.poll(() => stateOf(userId, cardIds[0]!).then((state) => state?.suspended)).toBe(true);
    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByText("Practice question number 0?").waitFor();
    await expect.poll(() => stateOf(userId, cardIds[0]!)).toBeNull();

    // Reset asks first; keeping the card changes nothing.
    await page.getByRole("button", { name: "Show answer" }).click();
    await page.getByRole("button", { name: /^Again/ }).click();
    await page.getByText("Practice question number 1?").waitFor();
    await page.getByRole("button", { name: "Card options" }).click();
    await page.getByRole("button", { name: /^Reset/ }).click();
    await page.getByText("Reset this card to new?").waitFor();
    await page.getByRole("button", { name: "Keep the card" }).click();
    expect(await page.getByText("Reset this card to new?").count()).toBe(0);
    await page.getByRole("button", { name: /^Reset/ }).click();
    await page.getByRole("button", { name: "Reset card" }).click();
    await toast(page).getByText("Reset to new.").waitFor();
    await page.getByRole("button", { name: "Undo" }).click();
    await toast(page).getByText("Reset undone.").waitFor();
    await page.getByText("Practice question number 1?").waitFor();
    await context.close();
  });

  it("starts the card high, reveals it on a tap, keeps the answer and explanation above the grade bar, and puts Undo in thumb reach", async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: "reduce" });
    const { deckId } = await studentWithDeck(page, [LAYOUT_CARD, question(1)]);
    await page.goto(`/study?deck=${deckId}`);
    const card = page.getByRole("article");
    await card.waitFor();
    const cardBox = (await card.boundingBox())!;
    const header = (await page.getByRole("banner").boundingBox())!;
    // The old layout put the card 171 px below the site header (at y≈280); the header itself is not measured here.
    expect(cardBox.y - (header.y + header.height)).toBeLessThan(130);
    const undo = (await page.getByRole("button", { name: "Undo" }).boundingBox())!;
    expect(undo.y).toBeGreaterThan(844 * 0.75);
    await screenshot(page, "study-front-layout", "phone");

    // A tap on the card's text (not on an option) shows the answer.
    await page.getByText(LAYOUT_CARD.prompt).click();
    await page.getByRole("button", { name: /^Good/ }).waitFor();
    const explanation = page.getByText("Explanation ends here.");
    const barTop = async () => (await page.getByRole("button", { name: "Undo" }).boundingBox())!.y;
    await expect.poll(async () => (await explanation.boundingBox())!.y + (await explanation.boundingBox())!.height <= (await barTop())).toBe(true);
    await screenshot(page, "study-back-layout", "phone");
    await context.close();
  });

  it("treats an empty typed answer as 'show the answer': no verdict, no suggested grade", async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    const { deckId } = await studentWithDeck(page, [{ kind: "NUMERIC", prompt: "How many allies signed the treaty in 1949?", answer: "12" }]);
    await page.goto(`/study?deck=${deckId}`);
    await page.getByRole("button", { name: "Check" }).click();
    await page.getByRole("button", { name: /^Good/ }).waitFor();
    expect(await page.getByText("Not quite.").count()).toBe(0);
    expect(await page.getByRole("button", { name: /suggested/ }).count()).toBe(0);
    await context.close();
  });

  it("'Study all due' with nothing due says so and offers the new cards instead of starting them", async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    await studentWithDeck(page, [question(0), question(1)]);
    await page.goto("/decks");
    await page.getByRole("link", { name: "Study all due (0)" }).click();
    await page.getByText("Nothing is due right now.").waitFor();
    expect(await page.getByRole("button", { name: "Show answer" }).count()).toBe(0);
    await page.getByRole("link", { name: /^Learn \d+ new cards?$/ }).click();
    await page.getByRole("button", { name: "Show answer" }).waitFor();
    await context.close();
  });
});

describe("deck details at 390×844", () => {
  it("shows suspended and buried cards as such with Unsuspend and Unbury, pages and searches the list, and blanks cloze answers", async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    const cards: Seed[] = [
      { kind: "CLOZE", prompt: "Allied leaders met in {{c1::Vilnius}} in July 2023.", answer: "Vilnius" },
      ...Array.from({ length: 64 }, (_, index) => question(index + 1)),
    ];
    const { userId, deckId, cardIds } = await studentWithDeck(page, cards);
    const fresh = { due: new Date(), stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0 };
    await db.cardState.create({ data: { userId, cardId: cardIds[1]!, ...fresh, suspended: true } });
    await db.cardState.create({ data: { userId, cardId: cardIds[2]!, ...fresh, buriedUntil: new Date(Date.now() + 6 * 3_600_000) } });

    await page.goto(`/dashboard/decks/${deckId}`);
    const table = page.getByRole("region", { name: /Your memory of each card/ });
    await table.waitFor();
    expect(await table.getByRole("row").count()).toBe(31); // a header and 30 cards
    await page.getByText("65 cards; page 1 of 3.").waitFor();
    const suspendedRow = table.getByRole("row", { name: /Practice question number 1\?/ });
    expect(await suspendedRow.getByText("Suspended").count()).toBe(1);
    expect(
      await table
        .getByRole("row", { name: /Practice question number 2\?/ })
        .getByText(/^Buried until/)
        .count(),
    ).toBe(1);
    // The cloze card shows its blank, never its answer.
    expect(await table.getByRole("row").filter({ hasText: "Allied leaders met in […] in July 2023." }).count()).toBe(1);
    expect(await page.getByText("{{c1::").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(8_000);
    await screenshot(page, "deck-details", "phone");

    const hidden = page.getByRole("region", { name: "Suspended cards" });
    await hidden.getByRole("button", { name: /^Unsuspend/ }).click();
    await expect.poll(() => stateOf(userId, cardIds[1]!).then((state) => state?.suspended)).toBe(false);
    await hidden.getByRole("button", { name: /^Unbury/ }).click();
    await expect.poll(() => stateOf(userId, cardIds[2]!).then((state) => state?.buriedUntil ?? null)).toBeNull();
    await expect.poll(() => page.getByRole("region", { name: "Suspended cards" }).count()).toBe(0);

    await page.getByRole("link", { name: "Next page" }).click();
    await page.getByText("65 cards; page 2 of 3.").waitFor();
    await page.getByRole("searchbox", { name: "Search cards" }).fill("vilnius");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText('1 card matches "vilnius"; page 1 of 1.').waitFor();
    expect(
      await page
        .getByRole("region", { name: /Your memory of each card/ })
        .getByRole("row")
        .count(),
    ).toBe(2);

    // The card's own page says so too.
    await db.cardState.update({ where: { userId_cardId: { userId, cardId: cardIds[1]! } }, data: { suspended: true } });
    await page.goto(`/dashboard/cards/${cardIds[1]}`);
    await page.getByText("This card is suspended", { exact: false }).waitFor();
    await page.getByRole("button", { name: /^Unsuspend/ }).click();
    await expect.poll(() => stateOf(userId, cardIds[1]!).then((state) => state?.suspended)).toBe(false);
    await context.close();
  });
});
