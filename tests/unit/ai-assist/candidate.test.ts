import { describe, expect, it } from "vitest";
import { proposalId, quotesArticle } from "@/lib/ai-assist/candidate";
import { factIdSchema } from "@/lib/facts/schema";

describe("quotesArticle", () => {
  const article = "NATO leaders met in The Hague.\nAllies will review the trajectory and balance\n  of spending in 2029.";

  it("finds a quote verbatim up to whitespace (line breaks, repeated and non-breaking spaces)", () => {
    expect(quotesArticle("Allies will review the trajectory and balance of spending in 2029.", article)).toBe(true);
    expect(quotesArticle(" Allies will review\u00a0the trajectory  and balance of spending in 2029. ", article)).toBe(true);
  });

  it("refuses anything else: other case, other punctuation, a paraphrase, an empty quote", () => {
    expect(quotesArticle("allies will review the trajectory and balance of spending in 2029.", article)).toBe(false);
    expect(quotesArticle("Allies will review the trajectory and balance of spending in 2029!", article)).toBe(false);
    expect(quotesArticle("Allies will look again at the balance of spending in 2029.", article)).toBe(false);
    expect(quotesArticle("   ", article)).toBe(false);
  });
});

describe("proposalId", () => {
  const quote = "Allies committed to spend 5% of GDP annually on core defence requirements and defence- and security-related spending by 2035.";

  it("is a fact id (kebab-case, at most 80 characters) led by the quote's first words", () => {
    const id = proposalId(quote, "2035");
    expect(factIdSchema.safeParse(id).success).toBe(true);
    expect(id).toMatch(/^ai-allies-committed-to-spend-5-of-[a-z0-9]+$/);
    expect(factIdSchema.safeParse(proposalId("Türkiye’s Hakan Fidan — «host» — welcomed ministers to Antalya in May 2025.", "Hakan Fidan")).success).toBe(true);
  });

  it("is stable for the same quote and answer and differs for another fact of the same sentence", () => {
    expect(proposalId(quote, "2035")).toBe(proposalId(quote.replace(/ /g, "  "), "2035"));
    expect(proposalId(quote, "2035")).not.toBe(proposalId(quote, "5%"));
  });
});
