import { describe, expect, it } from "vitest";
import { frontMatterDate, PASTED_ARTICLE, pastedArticleDocument } from "@/lib/generator/pasted-article";

describe("pastedArticleDocument", () => {
  it("cites the article's front matter first: its publisher and its date over the frame's", () => {
    const article = { name: "Ministers in Antalya", text: "", meta: { publisher: "NATO", date: "2025-05-15T09:00:00Z" } };
    expect(pastedArticleDocument(article, { date: "2025-05-14" })).toEqual({
      id: PASTED_ARTICLE,
      title: "Ministers in Antalya",
      publisher: "NATO",
      date: "2025-05-15",
      kind: "news report",
    });
  });

  it("falls back to the frame's date, then to undated, for an article without a usable date", () => {
    const article = { name: "Pasted article", text: "", meta: { date: "mid-May" } };
    expect(frontMatterDate(article)).toBeUndefined();
    expect(pastedArticleDocument(article, { date: "2025-05" })).toMatchObject({ publisher: "Teacher's article", date: "2025-05" });
    expect(pastedArticleDocument({ name: "Pasted article", text: "" }, {}).date).toBe("undated");
  });
});
