import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, VIEWPORTS, type ViewportName } from "./support/browser";
import { createDeck, query, signUp } from "./support/journeys";

const browser = await launchBrowser();
// A deck in Anki's current layout (zstd collection.anki21b), built by tests/anki/build-packages.ts.
const PACKAGE = readFileSync(path.join(import.meta.dirname, "..", "anki", "nato-anki21b.apkg"));

describe.each(Object.keys(VIEWPORTS) as ViewportName[])("importing a current Anki package (%s)", (viewport) => {
  it("reports what comes in and what not, then imports the rest without the problem notes", async () => {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    const teacher = await signUp(page, { name: `Anki Teacher ${viewport}`, role: "teacher" });
    const deckId = await createDeck(page, `From Anki ${viewport}`);
    await page.goto(`/teach/decks/${deckId}/import`);
    await page.getByLabel("File").setInputFiles({ name: "nato.apkg", mimeType: "application/octet-stream", buffer: PACKAGE });

    const report = page.getByRole("region", { name: "From the Anki package" });
    await report.waitFor();
    await report.getByText("11 notes and 19 Anki cards, in the current Anki layout (collection.anki21b).").waitFor();
    await report.getByText(/^6 reverse cards come in as sibling cards/).waitFor();
    await report.getByText(/^2 extra cloze cards come in/).waitFor();
    await report.getByText(/^3 images \(1 KB\) come in with their cards\./).waitFor();
    await report
      .getByText(
        /^3 images not imported: se\.png \(missing from the package\); lu\.png \(larger than 1 MB\); emblem\.svg \(not a PNG, JPEG, GIF or WebP image \(SVG is refused/,
      )
      .waitFor();
    await report.getByText(/^2 cards bring 4 reviews/).waitFor();
    const problems = page.getByRole("alert");
    await problems.getByText(/^2 rows have problems and cannot come in; 17 cards are ready/).waitFor();
    await problems.getByText(/Note 7 \("Where was the 2025 summit held\?"\): tags: Tags have at most 40 characters\./).waitFor();

    // The chosen file stays chosen while the preview renders.
    expect(await page.getByLabel("File").evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe("nato.apkg");
    await page.getByRole("radio", { name: "Add them as tags" }).check();
    await report.getByText(/\(Region, Population, Notes\): added as tags\./).waitFor();
    await screenshot(page, "anki-import-preview", viewport);

    await page.getByRole("button", { name: "Import 17 cards without the problem rows" }).click();
    await page.getByText("Imported: 17 new cards, 0 updated. 2 problem rows were left out. 2 cards keep their review history.").waitFor();
    const rows = await query<{ count: number }>(`SELECT count(*)::int AS count FROM "Card" WHERE "deckId" = $1`, [deckId]);
    expect(rows[0]!.count).toBe(17);
    const states = await query<{ count: number }>(`SELECT count(*)::int AS count FROM "CardState" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`, [
      teacher.email,
    ]);
    expect(states[0]!.count).toBe(2);
    await screenshot(page, "anki-import-done", viewport);
    if (viewport === "phone") {
      // The card whose front was only an image shows it, loaded through the media route with the teacher's session.
      const [card] = await query<{ id: string }>(`SELECT id FROM "Card" WHERE "deckId" = $1 AND "stableId" = 'guid5'`, [deckId]);
      await page.goto(`/teach/decks/${deckId}/cards/${card!.id}`);
      const image = page.getByRole("img", { name: "A glass building" });
      await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(48);
      await screenshot(page, "anki-import-image", viewport);
    }
    await context.close();
  });

  it("cancels after the preview with nothing imported", async () => {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    await signUp(page, { name: `Anki Canceller ${viewport}`, role: "teacher" });
    const deckId = await createDeck(page, `Cancelled Anki ${viewport}`);
    await page.goto(`/teach/decks/${deckId}/import`);
    await page.getByLabel("File").setInputFiles({ name: "nato.apkg", mimeType: "application/octet-stream", buffer: PACKAGE });
    await page.getByRole("region", { name: "From the Anki package" }).waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Cancelled: nothing was imported.").waitFor();
    expect(await page.getByLabel("File").evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(0);
    const rows = await query<{ count: number }>(`SELECT count(*)::int AS count FROM "Card" WHERE "deckId" = $1`, [deckId]);
    expect(rows[0]!.count).toBe(0);
    await context.close();
  });
});
