import { describe, expect, it } from "vitest";
import { analyzeDocument } from "@/lib/generator/analyze";
import { buildQuestion } from "@/lib/generator/questions";

/** The question the generator would ask about `answer` in the only sentence of `text`. */
function ask(text: string, answer: string): string | undefined {
  const [sentence] = analyzeDocument({ name: "q", text, meta: { date: "2025-05-11" } }).sentences;
  const mention = sentence?.mentions.find((m) => m.text === answer);
  if (!sentence || !mention) throw new Error(`"${answer}" is not a mention of "${text}"`);
  return buildQuestion(sentence, mention);
}

describe("buildQuestion", () => {
  it("asks which office-holder for a titled subject and who for an untitled one", () => {
    expect(ask("Turkish Foreign Minister Hakan Fidan hosted the informal meeting in Antalya.", "Hakan Fidan")).toBe(
      "Which Turkish Foreign Minister hosted the informal meeting in Antalya?",
    );
    expect(ask("Fidan hosted the informal meeting in Antalya.", "Fidan")).toBe("Who hosted the informal meeting in Antalya?");
  });

  it("does not ask about one item of an enumeration", () => {
    expect(ask("The ministers meet counterparts from Japan, South Korea, Australia and New Zealand.", "Japan")).toBeUndefined();
  });

  it("asks who for the agent of a passive participle", () => {
    expect(ask("NATO foreign ministers will gather for an informal meeting in Antalya hosted by Foreign Minister Hakan Fidan.", "Hakan Fidan")).toBe(
      "Who hosted the informal meeting in Antalya?",
    );
  });

  it("inverts the clause for where and when questions", () => {
    expect(ask("NATO foreign ministers will gather in Antalya on May 14-15.", "Antalya")).toBe("Where will NATO foreign ministers gather on May 14-15?");
    expect(ask("NATO foreign ministers will gather in Antalya on May 14-15.", "May 14-15")).toBe("When will NATO foreign ministers gather in Antalya?");
    expect(ask("Rubio met NATO allies in Turkey on Thursday.", "Turkey")).toBe("Where did Rubio meet NATO allies on Thursday?");
  });

  it("asks what share of GDP and how many in place", () => {
    expect(ask("Trump demands that NATO members raise defence spending to 5% of GDP.", "5%")).toBe(
      "Trump demands that NATO members raise defence spending to what share of GDP?",
    );
    expect(ask("Only 22 of NATO's 32 members now reach the 2% goal.", "22")).toBe("How many of NATO's 32 members now reach the 2% goal?");
    expect(ask("The split would be fully implemented by 2032.", "2032")).toBe("The split would be fully implemented by which year?");
  });

  it("declines when the name only modifies a noun or the clause cannot be inverted", () => {
    expect(ask("Rutte expected the Hague summit to focus on Ukraine.", "the Hague")).toBeUndefined();
    expect(ask("Germany must decide on the next steps for the Eurofighter sale.", "Eurofighter")).toBeUndefined();
  });
});
