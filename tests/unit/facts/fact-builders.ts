import type { Fact } from "@/lib/facts/schema";

/** A fact that passes the schema and the rubric lint; tests override one field to break one rule. */
export function makeFact(overrides: Partial<Fact> & Record<string, unknown> = {}): Fact {
  return {
    id: "hague-2025-review-year",
    topic: "defence-spending",
    statement: "Allies agreed at the Hague summit of 24–25 June 2025 to review the trajectory and balance of their spending in 2029.",
    context: { event: "NATO summit in The Hague", place: "The Hague, Netherlands", date: "2025-06-24/2025-06-25" },
    question: "Under the 5% commitment made at NATO's Hague summit (June 2025), in what year will allies review the trajectory and balance of spending?",
    answer: { type: "year", text: "2029", value: 2029, accept: [] },
    distractors: ["2027", "2028", "2030"],
    falseStatement: "Allies agreed at the Hague summit of 24–25 June 2025 to review the trajectory and balance of their spending in 2030.",
    cloze: "Allies agreed at the Hague summit (June 2025) to review the trajectory and balance of their spending in {{2029}}.",
    explanation: "The review checks progress toward the 2035 target.",
    importance: "core",
    validAsOf: "2025-06-25",
    sources: [{ document: "hague-summit-declaration", support: "Allies will review the trajectory and balance in 2029." }],
    status: "confirmed",
    ...overrides,
  } as Fact;
}
