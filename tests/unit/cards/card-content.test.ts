import { describe, expect, it } from "vitest";
import { cardContentSchema, toCardInput } from "@/lib/cards/schema";

const issues = (input: unknown) => {
  const result = cardContentSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
};

describe("cardContentSchema", () => {
  it("requires a {{c1::…}} deletion in a cloze card and derives the answer from it", () => {
    expect(issues({ kind: "CLOZE", prompt: "The summit met in The Hague." })).toEqual([expect.stringMatching(/^prompt: .*c1::/)]);
    const parsed = cardContentSchema.parse({ kind: "CLOZE", prompt: "The summit met in {{c1::The Hague}}.", answer: "ignored" });
    expect(parsed.answer).toBe("The Hague");
  });

  it("needs 2-6 distinct choices that include the answer for multiple choice", () => {
    expect(issues({ kind: "MCQ", prompt: "Where?", answer: "Rome", choices: ["Rome"] })).toEqual([expect.stringMatching(/^choices: Give 2 to 6/)]);
    expect(issues({ kind: "MCQ", prompt: "Where?", answer: "Rome", choices: ["Rome", "rome"] })).toEqual([expect.stringMatching(/^choices: .*different/)]);
    expect(issues({ kind: "MCQ", prompt: "Where?", answer: "Oslo", choices: ["Rome", "Paris"] })).toEqual([
      expect.stringMatching(/^answer: .*one of the choices/),
    ]);
    expect(issues({ kind: "MCQ", prompt: "Where?", answer: "Rome", choices: ["a", "b", "c", "d", "e", "f", "Rome"] })).toHaveLength(1);
    expect(cardContentSchema.parse({ kind: "MCQ", prompt: "Where?", answer: "Rome", choices: ["Rome", "Paris"], tolerance: 3 })).toMatchObject({
      choices: ["Rome", "Paris"],
      tolerance: null,
    });
  });

  it("accepts only True or False for true-or-false, in any case, and stores it capitalised", () => {
    expect(cardContentSchema.parse({ kind: "TRUEFALSE", prompt: "NATO has 32 members.", answer: "true", choices: ["x", "y"] })).toMatchObject({
      answer: "True",
      choices: [],
    });
    expect(issues({ kind: "TRUEFALSE", prompt: "NATO has 32 members.", answer: "yes" })).toEqual([expect.stringMatching(/^answer:/)]);
  });

  it("needs a number and a tolerance of zero or more for numeric cards", () => {
    expect(cardContentSchema.parse({ kind: "NUMERIC", prompt: "Members?", answer: "1,000", tolerance: 0 })).toMatchObject({ tolerance: 0 });
    expect(issues({ kind: "NUMERIC", prompt: "Members?", answer: "thirty-two" })).toEqual([expect.stringMatching(/^answer: .*number/)]);
    expect(issues({ kind: "NUMERIC", prompt: "Members?", answer: "32", tolerance: -1 })).toEqual([expect.stringMatching(/^tolerance:/)]);
  });

  it("needs a prompt and an answer for question/answer cards, and cleans tags", () => {
    expect(issues({ kind: "QA", prompt: "  ", answer: "" })).toEqual([expect.stringMatching(/^prompt:/), expect.stringMatching(/^answer:/)]);
    expect(cardContentSchema.parse({ kind: "QA", prompt: "Q\u0000?", answer: "A", tags: "Summit, The Hague, summit" })).toMatchObject({
      prompt: "Q?",
      tags: ["summit", "the-hague"],
    });
  });

  it("turns the editor's text fields into a card input", () => {
    const input = toCardInput({
      kind: "MCQ",
      prompt: "Where?",
      answer: "Rome",
      choices: "Rome\n\n Paris \r\nOslo",
      explanation: "",
      tolerance: "",
      tags: "a, b",
    });
    expect(input).toMatchObject({ kind: "MCQ", choices: ["Rome", "Paris", "Oslo"], tolerance: null, tags: "a, b" });
    expect(toCardInput({ kind: "bogus", prompt: "", answer: "", choices: "", explanation: "", tolerance: "0.5", tags: "" })).toMatchObject({
      kind: "QA",
      tolerance: 0.5,
    });
  });
});
