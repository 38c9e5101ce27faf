import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "@/lib/generator/front-matter";

describe("parseFrontMatter", () => {
  it("splits simple key: value front matter from the body", () => {
    const { meta, body } = parseFrontMatter(
      '---\ntitle: "NATO ministers in Antalya"\npublisher: NATO\ndate: 2025-05-15\nkind: press conference\noriginal: 003.txt\n---\nFirst line.\n',
    );
    expect(meta).toEqual({ title: "NATO ministers in Antalya", publisher: "NATO", date: "2025-05-15", kind: "press conference", original: "003.txt" });
    expect(body).toBe("First line.\n");
  });

  it("returns the whole text as body when there is no front matter", () => {
    expect(parseFrontMatter("Just text.\n---\n")).toEqual({ meta: {}, body: "Just text.\n---\n" });
  });
});
