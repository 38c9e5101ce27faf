import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CardFace, type CardFaceCard } from "@/app/_components/card-face";

const base: CardFaceCard = { kind: "QA", prompt: "", answer: "", choices: [], explanation: "", sourceDocument: "" };
const render = (card: Partial<CardFaceCard>, revealed: boolean) => renderToStaticMarkup(createElement(CardFace, { card: { ...base, ...card }, revealed }));

describe("CardFace", () => {
  it("renders card text as text, never as HTML", () => {
    const html = render({ prompt: '<img src=x onerror="alert(1)">', answer: "<script>alert(2)</script>" }, true);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;img src=x");
  });

  it("shows a cloze blank on the front and the highlighted answer on the back, with the source", () => {
    const html = render(
      { kind: "CLOZE", prompt: "Ministers met in {{c1::Antalya::city}}.", answer: "Antalya", sourceDocument: "Antalya ministerial report" },
      true,
    );
    expect(html).toContain("Ministers met in [city].");
    expect(html).toContain("<mark");
    expect(html).toMatch(/<mark[^>]*>Antalya<\/mark>/);
    expect(html).toContain("Antalya ministerial report");
  });

  it("lays out the back while hidden, so revealing it shifts nothing, and hides it from screen readers", () => {
    const hidden = render({ prompt: "Capital of Belgium?", answer: "Brussels" }, false);
    expect(hidden).toMatch(/class="[^"]*\binvisible\b[^"]*" aria-hidden="true"/);
    const shown = render({ prompt: "Capital of Belgium?", answer: "Brussels" }, true);
    expect(shown).toMatch(/aria-hidden="false"/);
  });

  it("lists True and False for true/false cards and marks the right one once revealed", () => {
    const html = render({ kind: "TRUEFALSE", prompt: "NATO was founded in 1949.", answer: "true" }, true);
    expect(html).toContain("True");
    expect(html).toContain("(correct)");
  });
});
