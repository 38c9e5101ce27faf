import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnswerBar } from "@/app/study/_components/answer-bar";
import { StudySession } from "@/app/study/_components/study-session";
import { studySettingsSchema } from "@/lib/srs/settings";
import type { StudyCard } from "@/lib/study/schema";

const intervals = { again: "1m", hard: "6m", good: "10m", easy: "3d" };
const card: StudyCard = {
  id: "c1",
  kind: "CLOZE",
  prompt: "The 2025 summit met in {{c1::The Hague}}.",
  answer: "The Hague",
  choices: [],
  explanation: "",
  tolerance: null,
  tags: [],
  sourceDocument: "Summit report",
  state: null,
};

describe("study screen", () => {
  it("first paints the card, counters, progress bar and Show answer, with no answer readable", () => {
    const html = renderToStaticMarkup(
      createElement(StudySession, {
        title: "Summits",
        initial: { cards: [card], counts: { new: 1, learning: 0, review: 0 }, settings: studySettingsSchema.parse({}), nextDue: null, dueCounts: {} },
        deckId: null,
        userId: "u1",
      }),
    );
    expect(html).toContain("The 2025 summit met in […].");
    expect(html).toMatch(/<dt[^>]*>New<\/dt><dd[^>]*>1<\/dd>/);
    expect(html).toMatch(/role="progressbar"[^>]*aria-valuenow="0"/);
    expect(html).toContain(">Show answer</button>");
    expect(html).toMatch(/aria-hidden="true"/);
  });

  it("names each grade button by its visible grade and interval, and the suggested grade as suggested", () => {
    const html = renderToStaticMarkup(createElement(AnswerBar, { revealed: true, intervals, suggested: 3, onShow: () => {}, onGrade: () => {} }));
    expect(html).not.toContain("aria-label");
    expect(html).toMatch(/<button[^>]*><span>Again<\/span><span[^>]*><span class="sr-only">Next review in <\/span>1m<\/span><\/button>/);
    expect(html).toMatch(
      /<button[^>]*><span>Good<span class="sr-only"> \(suggested\)<\/span><\/span><span[^>]*><span class="sr-only">Next review in <\/span>10m<\/span><\/button>/,
    );
    expect(html.match(/\(suggested\)/g)).toHaveLength(1);
  });
});
