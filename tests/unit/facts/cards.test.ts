import { describe, expect, it } from "vitest";
import { orderChoicesForShowing } from "@/lib/cards/choices";
import { quizFacesOf } from "@/lib/cards/quiz-faces";
import { buildFactCard, orderFactsForStudy, scheduledFaceOf } from "@/lib/facts/cards";
import type { SourceDocument } from "@/lib/facts/schema";
import { makeFact } from "./fact-builders";

const documents = new Map<string, SourceDocument>([
  [
    "hague-summit-declaration",
    { id: "hague-summit-declaration", title: "The Hague Summit Declaration", publisher: "NATO", date: "2025-06-25", kind: "official text" },
  ],
  [
    "brussels-ministerial-kure",
    { id: "brussels-ministerial-kure", title: "Brussels meeting", publisher: "Küre encyclopedia", date: "2025-12-03", kind: "encyclopedia entry" },
  ],
]);

describe("cards from facts", () => {
  it("schedules numbers as typed answers, people and places as multiple choice, and the rest as recall", () => {
    expect(scheduledFaceOf(makeFact())).toBe("numeric");
    const person = makeFact({
      answer: { type: "person", text: "Marco Rubio", role: "Secretary of State", country: "United States", accept: [] },
      distractors: ["Antony Blinken", "Pete Hegseth", "Matthew Whitaker"],
    });
    expect(scheduledFaceOf(person)).toBe("mcq");
    expect(scheduledFaceOf({ ...person, distractors: [] })).toBe("qa");
    expect(scheduledFaceOf({ ...person, face: "qa" })).toBe("qa");
  });

  it("builds one card with its source, and the other formats as faces the quiz can ask and score", () => {
    const card = buildFactCard(makeFact(), documents);
    expect(card).toMatchObject({ id: "fact-hague-2025-review-year", factId: "hague-2025-review-year", kind: "numeric", answer: "2029", tolerance: 0 });
    expect(card.source.document).toBe('NATO, "The Hague Summit Declaration" (2025-06-25)');
    const quiz = quizFacesOf({ kind: "NUMERIC", prompt: card.prompt, answer: card.answer, choices: card.choices ?? [], faces: card.faces });
    expect(quiz.map((face) => `${face.kind}:${face.answer}`)).toEqual(["MCQ:2029", "TRUEFALSE:True", "TRUEFALSE:False"]);
    expect(card.faces.find((face) => face.kind === "CLOZE")?.prompt).toContain("{{c1::2029}}");
  });

  it("spells out a correction on the back of the card", () => {
    const fact = makeFact({
      status: "corrected",
      correction: {
        claim: "The Küre encyclopedia places the summit in July 2025.",
        claimedIn: ["brussels-ministerial-kure"],
        reason: "It met on 24–25 June 2025.",
      },
    } as never);
    expect(buildFactCard(fact, documents).explanation).toBe(
      "The review checks progress toward the 2035 target. Correction: The Küre encyclopedia places the summit in July 2025. It met on 24–25 June 2025.",
    );
  });

  it("interleaves topics and puts core facts first", () => {
    const facts = [
      makeFact({ id: "a1", topic: "a" }),
      makeFact({ id: "a2", topic: "a" }),
      makeFact({ id: "a3", topic: "a", importance: "detail" }),
      makeFact({ id: "b1", topic: "b" }),
    ];
    expect(orderFactsForStudy(facts).map((fact) => fact.id)).toEqual(["a1", "b1", "a2", "a3"]);
  });

  it("reshuffles multiple-choice options between showings, keeping the same options, and leaves True/False in place", () => {
    const card = { kind: "MCQ", answer: "2029", choices: ["2027", "2028", "2029", "2030"] };
    const orders = new Set(Array.from({ length: 12 }, (_, showing) => orderChoicesForShowing(card, `card:0:${showing}`).join()));
    expect(orders.size).toBeGreaterThan(3);
    for (const order of orders) expect(order.split(",").sort()).toEqual(card.choices);
    expect(orderChoicesForShowing(card, "card:0:1")).toEqual(orderChoicesForShowing(card, "card:0:1"));
    expect(orderChoicesForShowing({ kind: "TRUEFALSE", answer: "True", choices: [] }, "x")).toEqual(["True", "False"]);
  });
});
