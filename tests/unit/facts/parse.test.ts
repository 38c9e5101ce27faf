import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseFactBase } from "@/lib/facts/parse";
import { makeFact } from "./fact-builders";

const documents = {
  file: "seeds/documents.yaml",
  text: stringify([
    { id: "hague-summit-declaration", title: "The Hague Summit Declaration", publisher: "NATO", date: "2025-06-25", kind: "official text" },
    {
      id: "brussels-ministerial-kure",
      title: "Brussels meeting",
      publisher: "Küre encyclopedia",
      date: "2025-12-03",
      kind: "encyclopedia entry",
      restatement: "kure.md",
    },
  ]),
};
const restatements = new Map([
  ["kure.md", "---\ntitle: x\n---\nThe encyclopedia places the Hague summit in July 2025.\nNATO foreign ministers met in Brussels."],
]);
const parse = (...facts: unknown[]) => parseFactBase({ documents, factFiles: [{ file: "seeds/facts/spending.yaml", text: stringify(facts) }], restatements });

describe("fact base loading", () => {
  it("loads valid facts with their defaults", () => {
    const result = parse(makeFact());
    expect(result.ok && result.data.facts.map((fact) => fact.id)).toEqual(["hague-2025-review-year"]);
  });

  it("names the file, the entry and the problem, and loads nothing when one entry is bad", () => {
    const { question: _question, ...withoutQuestion } = makeFact({ id: "broken-fact" });
    const result = parse(makeFact(), withoutQuestion, { ...makeFact({ id: "bad-type" }), answer: { type: "weekday", text: "Friday" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { file: "seeds/facts/spending.yaml", entry: "#2 (broken-fact)", message: "question is missing." },
        expect.objectContaining({ entry: "#3 (bad-type)", message: expect.stringMatching(/answer.type must be one of person, date/) }),
      ]),
    );
  });

  it("refuses duplicate ids, unknown documents, support sentences not in the restatement, and a cloze blank that is not the answer", () => {
    const result = parse(
      makeFact(),
      makeFact({ cloze: "Allies will review spending in {{2030}} after the Hague summit of 2025." }),
      makeFact({ id: "unknown-doc", sources: [{ document: "nato-blog", support: "x" }] }),
      makeFact({ id: "misquoted", sources: [{ document: "brussels-ministerial-kure", support: "The summit met in July." }] }),
    );
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((problem) => `${problem.entry}: ${problem.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "hague-2025-review-year: id is already used in seeds/facts/spending.yaml.",
        'hague-2025-review-year: cloze: the blank "2030" is not the answer "2029".',
        'unknown-doc: sources: unknown document "nato-blog" (add it to seeds/documents.yaml).',
        expect.stringMatching(/^misquoted: sources: the support sentence is not a line of kure.md/),
      ]),
    );
  });

  it("accepts a support sentence folded over several YAML lines", () => {
    const result = parse(
      makeFact({ sources: [{ document: "brussels-ministerial-kure", support: "The encyclopedia places the Hague\n  summit in July 2025." }] }),
    );
    expect(result.ok).toBe(true);
  });

  it("requires a correction's claim, documents and reason", () => {
    const result = parse(makeFact({ status: "corrected" } as never));
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual(["correction is missing."]);
  });

  it("reports YAML that does not parse", () => {
    const result = parseFactBase({ documents, factFiles: [{ file: "seeds/facts/x.yaml", text: "- id: [unclosed" }], restatements });
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^not valid YAML/)]);
  });
});
