import { describe, expect, it } from "vitest";
import { cleanDocument } from "@/lib/generator/clean";
import { isEnglish } from "@/lib/generator/language";
import { ENCYCLOPEDIA, NEWS_WITH_CRUFT, PRESS_CONFERENCE } from "./fixtures";

const keptText = (text: string) => cleanDocument(text).sentences.map((sentence) => sentence.text);

describe("cleanDocument", () => {
  it("drops navigation, rating widgets, captions, author boxes and menus", () => {
    const { sentences, dropped } = cleanDocument(NEWS_WITH_CRUFT.text);
    const kept = sentences.map((sentence) => sentence.text).join("\n");
    for (const cruft of ["Top Story", "ANKARA", "AP Photo", "Previous Article", "rate it", "Average rating", "Author Information", "Menu"]) {
      expect(kept).not.toContain(cruft);
    }
    expect(dropped.filter((line) => line.reason === "cruft").length).toBeGreaterThanOrEqual(7);
    expect(kept).toContain("At present just 22 of NATO's 32 members reach the 2% goal.");
  });

  it("treats a line break as a sentence boundary, so a headline without a full stop stays on its own", () => {
    const kept = keptText(NEWS_WITH_CRUFT.text);
    expect(kept[0]).toBe("Antalya to host NATO foreign ministers on May 14-15");
    expect(kept[1]).toMatch(/^The top diplomats of NATO allies will gather in Antalya/);
  });

  it("drops the Turkish summary paragraph and keeps the English ones", () => {
    const { sentences, dropped } = cleanDocument(ENCYCLOPEDIA.text);
    expect(dropped.some((line) => line.reason === "foreign-language" && line.text.includes("Nisan"))).toBe(true);
    expect(sentences.map((sentence) => sentence.text)).toContain("Brussels hosted the NATO Foreign Ministers' Meeting on April 3-4, 2025.");
    expect(sentences.some((sentence) => /automatically translated/.test(sentence.text))).toBe(false);
  });

  it("keeps only the principal's lines in a press conference and attributes them", () => {
    const { sentences, dropped, principal } = cleanDocument(PRESS_CONFERENCE.text);
    const kept = sentences.map((sentence) => sentence.text).join("\n");
    expect(principal).toBe("Mark Rutte");
    expect(kept).toContain("We have Baltic Sentry");
    expect(kept).toContain("Russia's whole economy is only 5% the size of NATO's combined economy.");
    expect(kept).not.toContain("do you see the incident");
    expect(kept).not.toContain("encourage the parties");
    expect(kept).not.toContain("front row");
    expect(dropped.filter((line) => line.reason === "question")).toHaveLength(2);
    expect(dropped.filter((line) => line.reason === "moderation")).toHaveLength(1);
    expect(sentences.every((sentence) => sentence.speaker === "Mark Rutte")).toBe(true);
  });

  it("does not mistake a news dateline such as BRUSSELS (ALETIHAD) for a transcript", () => {
    const result = cleanDocument("BRUSSELS (ALETIHAD)\nNATO member states will send their foreign ministers to Brussels on Thursday.");
    expect(result.principal).toBeUndefined();
    expect(result.sentences).toHaveLength(1);
  });
});

describe("isEnglish", () => {
  it("recognizes English prose and headline-style English", () => {
    expect(isEnglish("Just 22 of NATO's 32 members currently reach the 2% spending goal the alliance agreed years ago.")).toBe(true);
    expect(isEnglish("Ukraine's NATO membership still uncertain amid Russian opposition.")).toBe(true);
  });

  it("rejects Turkish and German paragraphs", () => {
    expect(isEnglish("Toplantıya NATO'nun 32 üyesinin yanı sıra Asya-Pasifik bölgesindeki ortak ülkeler de katılarak gündemi görüştü.")).toBe(false);
    expect(isEnglish("Die Außenminister der NATO treffen sich in Antalya und sprechen über die Verteidigung der Allianz.")).toBe(false);
  });
});
