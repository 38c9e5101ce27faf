import { describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, VIEWPORTS, type ViewportName } from "./support/browser";
import { query, signUp } from "./support/journeys";

const browser = await launchBrowser();

// Written for this test; the facts are public, the wording is ours.
const ARTICLE = [
  "Defence ministers of the alliance met in Brussels on 5 June 2025 to get ready for the summit in The Hague.",
  "The alliance has 32 member countries since Sweden joined in March 2024.",
  "Finland became the 31st member of the alliance in April 2023.",
  "The next summit of heads of state and government is planned for Ankara in 2026.",
].join("\n");

describe.each(Object.keys(VIEWPORTS) as ViewportName[])("a teacher and a student at %s", (viewport) => {
  it("generates a deck from an article, edits a card, assigns it to a class, and sees the student's reviews", async () => {
    const teacherContext = await newContext(browser, viewport);
    const teacher = await teacherContext.newPage();
    await signUp(teacher, { name: "Journey Teacher", role: "teacher" });
    await teacher.getByRole("heading", { name: "Teach" }).waitFor();

    // Generate candidates from pasted text; each shows the sentence it came from.
    await teacher.getByRole("link", { name: "Generate cards" }).click();
    await teacher.getByLabel("Article text").fill(ARTICLE);
    await teacher.getByLabel("Source name").fill("Ministers prepare the summit");
    await teacher.getByRole("button", { name: "Generate cards" }).click();
    await teacher.getByRole("heading", { name: "Candidate cards" }).waitFor();
    // Verified facts the article names come first, then cards made from its own sentences, citing the article.
    const candidates = teacher.getByRole("main").getByRole("listitem");
    const proposed = await candidates.count();
    expect(proposed).toBeGreaterThan(3);
    await candidates.filter({ hasText: /In the article: “Finland became the 31st member/ }).waitFor();
    await candidates.filter({ hasText: '"Ministers prepare the summit"' }).filter({ hasText: "Defence ministers of the alliance met in Brussels" }).waitFor();
    await screenshot(teacher, "teach-generate", viewport);

    await teacher.getByRole("group", { name: "Card 1", exact: true }).getByRole("button", { name: "Reject" }).click();
    expect(await teacher.getByRole("group", { name: "Card 1", exact: true }).getByRole("button", { name: "Reject" }).getAttribute("aria-pressed")).toBe("true");
    // The count covers the weaker candidates kept apart too, none of which starts accepted.
    await teacher.getByText(new RegExp(`^${proposed - 1} of \\d+ cards accepted\\.$`)).waitFor();
    await teacher.getByLabel("Deck", { exact: true }).selectOption({ label: "A new deck…" });
    const deckName = `Summit preparation (${viewport})`;
    await teacher.getByLabel("New deck name").fill(deckName);
    await teacher.getByRole("button", { name: "Save to deck" }).click();
    await teacher.getByText(`Saved: ${proposed - 1} new cards, 0 updated.`).waitFor();
    await teacher.getByRole("link", { name: "Open the deck" }).click();
    await teacher.getByRole("heading", { name: deckName }).waitFor();
    await teacher.getByText(`${proposed - 1} cards · private`).waitFor();
    await screenshot(teacher, "teach-deck", viewport);

    // The card editor's preview follows the fields as they are typed.
    const cardLinks = teacher
      .getByRole("main")
      .getByRole("link")
      .filter({ hasText: /Finland/ });
    await cardLinks.first().click();
    await teacher.getByRole("heading", { name: "Edit card" }).waitFor();
    const preview = teacher.getByRole("region", { name: "Preview" });
    const edited = "Which Nordic country joined the alliance in April 2023, becoming its 31st member?";
    // The candidate asked for the month as multiple choice; the teacher turns it into a question about the country.
    await teacher.getByLabel("Kind").selectOption({ label: "Question and answer" });
    await teacher.getByLabel("Prompt").fill(edited);
    await teacher.getByLabel("Answer", { exact: true }).fill("Finland");
    await preview.getByText(edited).waitFor();
    await preview.getByRole("button", { name: "Show answer" }).click();
    await preview.getByText(/^Answer: Finland$/).waitFor();
    await screenshot(teacher, "teach-card-editor", viewport);
    await teacher.getByRole("button", { name: "Save card" }).click();
    await teacher.getByText("Card saved.").waitFor();
    const stored = await query<{ answer: string }>(`SELECT c.answer FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" WHERE d.name = $1 AND c.prompt = $2`, [
      deckName,
      edited,
    ]);
    expect(stored).toEqual([{ answer: "Finland" }]);

    // A class, its join code, and the deck assigned with a target date and a daily goal.
    await teacher.goto("/teach/classes/new");
    await teacher.getByLabel("Name").fill(`Seminar (${viewport})`);
    await teacher.getByRole("button", { name: "Create class" }).click();
    await teacher.getByRole("heading", { name: "Join code" }).waitFor();
    const joinCode = (await teacher.getByRole("region", { name: "Join code" }).locator("p.font-mono").textContent())!.trim();
    expect(joinCode).toMatch(/^[A-Z0-9-]{6,}$/);
    const classUrl = teacher.url();
    await teacher.getByLabel("Deck", { exact: true }).selectOption({ label: deckName });
    await teacher.getByLabel("Target date").fill("2030-06-30");
    await teacher.getByLabel("Daily goal").fill("15");
    await teacher.getByRole("button", { name: "Assign" }).click();
    await teacher.getByText("Deck assigned.").waitFor();
    await teacher.getByText("by 30 Jun 2030 · 15 reviews a day").waitFor();

    // The student joins with the code and studies the assigned deck.
    const studentContext = await newContext(browser, viewport);
    const student = await studentContext.newPage();
    await signUp(student, { name: `Assigned Student ${viewport}`, role: "student" });
    await student.goto("/join");
    await student.getByLabel("Join code").fill(joinCode);
    await student.getByRole("button", { name: "Join class" }).click();
    await student.getByText(`You joined Seminar (${viewport}).`).waitFor();
    await screenshot(student, "join-done", viewport);
    await student.getByRole("link", { name: "Go to my decks" }).click();
    await student.getByRole("heading", { name: deckName }).waitFor();
    await student.getByRole("link", { name: `Study ${deckName}` }).click();
    for (let i = 0; i < 3; i++) {
      await student.getByRole("button", { name: "Show answer" }).click();
      await student.getByRole("button", { name: "Good" }).click();
    }
    await expect
      .poll(
        async () =>
          (
            await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ReviewLog" r JOIN "User" u ON u.id = r."userId" WHERE u.name = $1`, [
              `Assigned Student ${viewport}`,
            ])
          )[0]!.n,
        { timeout: 15_000 },
      )
      .toBe(3);

    // The class dashboard counts those reviews, and its CSV export downloads.
    await teacher.goto(classUrl);
    // Phones get one card per student, wider screens a table row; either starts with the week's reviews.
    const entry =
      viewport === "phone"
        ? teacher.getByRole("listitem", { name: `Assigned Student ${viewport}` })
        : teacher.getByRole("row", { name: new RegExp(`Assigned Student ${viewport}`) });
    await entry.waitFor();
    expect(
      await entry
        .getByRole(viewport === "phone" ? "definition" : "cell")
        .first()
        .textContent(),
    ).toBe("3");
    await screenshot(teacher, "teach-class", viewport);
    const exportHref = await teacher.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const csv = await teacherContext.request.get(exportHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain(`Assigned Student ${viewport}`);

    await studentContext.close();
    await teacherContext.close();
  });
});
