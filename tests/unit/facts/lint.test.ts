import { describe, expect, it } from "vitest";
import { lintFacts, optionFitsType } from "@/lib/facts/lint";
import { makeFact } from "./fact-builders";

const rulesOf = (overrides: Parameters<typeof makeFact>[0]) => lintFacts([makeFact(overrides)]).map((finding) => `${finding.rule} ${finding.message}`);

describe("rubric lint", () => {
  it("passes a card a teacher would sign", () => {
    expect(lintFacts([makeFact()])).toEqual([]);
  });

  it.each([
    ["an unnamed event and date", "Diplomatic sources made the plans public on what date?", /R1 .*(event, date or place)/],
    ["a demonstrative with no referent", "In what year will this plan be reviewed at the Hague summit of 2025?", /R1 .*demonstrative/],
    ["a bare weekday", "Which minister spoke on Friday at the Hague summit of 2025?", /R1 .*weekday/],
    ["a time relative to the article", "How many allies currently meet the Hague summit target of 2025?", /R1 .*relative/],
    ["the talks, unnamed", "Who led the talks before the Hague summit of 2025?", /R1 .*unnamed event/],
    ["an opening pronoun", "He chaired which meeting before the Hague summit of 2025?", /R1 .*pronoun/],
    ["a bullet", "- Alliance commits to review spending at the Hague summit of 2025 in what year?", /R1 .*bullet/],
  ])("flags a question with %s", (_what, question, pattern) => {
    expect(rulesOf({ question })).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
  });

  it("flags an answer given away by its own stem", () => {
    expect(rulesOf({ question: "At the Hague summit of 2025, allies set 2029 for a review; in what year is the review?" })).toEqual(
      expect.arrayContaining([expect.stringMatching(/R2 question gives away the answer "2029"/)]),
    );
  });

  it("flags garbled text: a repeated word and stray spacing", () => {
    expect(rulesOf({ statement: "Alliance commits will will spending 5% at the Hague summit ." })).toEqual(
      expect.arrayContaining([expect.stringMatching(/text statement repeats a word/), expect.stringMatching(/text statement has stray spacing/)]),
    );
  });

  it("flags options of another type than the answer, and duplicated options", () => {
    expect(rulesOf({ distractors: ["2027", "the late 2020s", "2027"] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/R5 option "the late 2020s" is not a year/), expect.stringMatching(/R5 two options are the same/)]),
    );
  });

  it("flags a distractor that is true for the same question elsewhere in the fact base", () => {
    const deadline = makeFact({
      id: "hague-2025-deadline",
      question: "By what year must allies reach 5% of GDP under the Hague commitment of June 2025?",
      answer: { type: "year", text: "2035", value: 2035, accept: [] },
      distractors: ["2030", "2032", "2040"],
      cloze: "Allies must reach 5% of GDP by {{2035}} under the Hague commitment of June 2025.",
      falseStatement: "Allies must reach 5% of GDP by 2040 under the Hague commitment of June 2025.",
      statement: "Allies must reach 5% of GDP by 2035 under the Hague commitment of June 2025.",
    });
    const review = makeFact({ distractors: ["2027", "2035", "2030"] });
    const findings = lintFacts([deadline, review]).map((finding) => `${finding.factId} ${finding.message}`);
    expect(findings).toEqual([expect.stringMatching(/hague-2025-review-year distractor "2035" is the answer of another fact/)]);
  });

  it("flags a false statement that does not change the fact", () => {
    expect(
      rulesOf({ falseStatement: "Allies agreed at the Hague summit of 24–25 June 2025 to review the balance and trajectory of their spending in 2029." }),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/R5 falseStatement does not change/)]));
  });

  it("flags a cloze that blanks a bound", () => {
    expect(rulesOf({ cloze: "Türkiye has been an ally for more than {{2029}} years, a fact noted at the Hague summit of 2025." })).toEqual(
      expect.arrayContaining([expect.stringMatching(/R2 cloze blanks a bound/)]),
    );
  });

  it("reads option types the way a teacher would", () => {
    expect(optionFitsType("Marco Rubio", "person")).toBe(true);
    expect(optionFitsType("Rubio", "person")).toBe(false);
    expect(optionFitsType("3.5%", "percent")).toBe(true);
    expect(optionFitsType("3.5", "percent")).toBe(false);
    expect(optionFitsType("24–25 June 2025", "date")).toBe(true);
    expect(optionFitsType("€20 billion", "money")).toBe(true);
  });
});
