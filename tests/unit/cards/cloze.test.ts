import { describe, expect, it } from "vitest";
import { parseCloze, showPrompt } from "@/lib/cards/cloze";

describe("parseCloze", () => {
  it("blanks a deletion and returns its answer", () => {
    const parsed = parseCloze("The 2025 summit met in {{c1::The Hague}} in June.");
    expect(parsed.front).toBe("The 2025 summit met in […] in June.");
    expect(parsed.answer).toBe("The Hague");
    expect(parsed.segments).toEqual([
      { kind: "text", text: "The 2025 summit met in " },
      { kind: "blank", answer: "The Hague", hint: null },
      { kind: "text", text: " in June." },
    ]);
  });

  it("shows the hint in the blank", () => {
    const parsed = parseCloze("Foreign ministers met in {{c1::Antalya::city}}.");
    expect(parsed.front).toBe("Foreign ministers met in [city].");
    expect(parsed.answer).toBe("Antalya");
  });

  it("keeps several deletions apart, in order", () => {
    const parsed = parseCloze("{{c1::Mark Rutte}} chaired the meeting in {{c2::Brussels::place}}");
    expect(parsed.front).toBe("[…] chaired the meeting in [place]");
    expect(parsed.answer).toBe("Mark Rutte, Brussels");
    expect(parsed.segments.map((segment) => segment.kind)).toEqual(["blank", "text", "blank"]);
  });

  it("treats text without markup as plain text with no answer", () => {
    expect(parseCloze("No deletions here.")).toEqual({
      segments: [{ kind: "text", text: "No deletions here." }],
      front: "No deletions here.",
      answer: "",
    });
  });

  it("leaves markup-like text that is not a deletion alone, and keeps HTML as literal text", () => {
    const parsed = parseCloze("<b>{{c1::5%}}</b> of GDP {{not a cloze}}");
    expect(parsed.front).toBe("<b>[…]</b> of GDP {{not a cloze}}");
    expect(parsed.answer).toBe("5%");
  });

  it("ignores an empty hint", () => {
    expect(parseCloze("Spend {{c1::3.5%::}} on core defence").front).toBe("Spend […] on core defence");
  });
});

describe("showPrompt", () => {
  it("shows a cloze card's deletions as blanks, so card lists never give the answer away (issue #21)", () => {
    expect(showPrompt({ kind: "CLOZE", prompt: "Allies met in {{c1::Antalya}} in {{c2::May::month}} 2025." })).toBe("Allies met in […] in [month] 2025.");
    expect(showPrompt({ kind: "QA", prompt: "Where is {{c1::this}} kept?" })).toBe("Where is {{c1::this}} kept?");
  });
});
