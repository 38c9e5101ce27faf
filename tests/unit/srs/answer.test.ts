import { describe, expect, it } from "vitest";
import { checkTypedAnswer } from "@/lib/srs/answer";

describe("checkTypedAnswer", () => {
  it.each([
    ["Brussels", "Brussels"],
    ["Brussels", "  brussels "],
    ["Türkiye", "turkiye"],
    ["Kraków", "KRAKOW"],
    ["Straße", "strasse"],
    ["The Hague", "hague"],
    ["The Hague", "the hague."],
    ["North Atlantic Treaty", "north-atlantic treaty!"],
    ["U.S.", "US"],
    ["Bosnia and Herzegovina", "Bosnia & Herzegovina"],
    ["People's Liberation Army", "Peoples Liberation Army"],
  ])("accepts %j for %j", (expected, given) => {
    expect(checkTypedAnswer(expected, given)).toEqual({ correct: true });
  });

  it.each([
    ["3.5%", "3.5"],
    ["3.5", "3.5 %"],
    ["2,032", "2032"],
    ["2032", "2,032"],
    ["1.5", "1,5"],
    ["€20 billion", "20 billion"],
    ["€20 billion", "20bn"],
    ["20bn", "€20 billion"],
    ["€20 billion", "20,000 million"],
    ["32 members", "32"],
    ["€20 billion", "20"],
  ])("accepts the number %j for %j", (expected, given) => {
    expect(checkTypedAnswer(expected, given)).toEqual({ correct: true });
  });

  it("accepts numbers within the tolerance, measured in the expected answer's scale", () => {
    expect(checkTypedAnswer("2%", "2.1", { tolerance: 0.2 }).correct).toBe(true);
    expect(checkTypedAnswer("2%", "2.5", { tolerance: 0.2 }).correct).toBe(false);
    expect(checkTypedAnswer("€20 billion", "21bn", { tolerance: 1 }).correct).toBe(true);
    expect(checkTypedAnswer("€20 billion", "22bn", { tolerance: 1 }).correct).toBe(false);
    expect(checkTypedAnswer("1949", "1950", { tolerance: 1 }).correct).toBe(true);
  });

  it.each([
    ["Brussels", "Paris"],
    ["Brussels", ""],
    ["Türkiye", "Turkey"],
    ["North Atlantic Treaty", "Atlantic Treaty"],
    ["Riga", "Rigo"],
    ["3.5%", "35"],
    ["1949", "1948"],
    ["€20 billion", "20 million"],
    ["€20 billion", "2bn"],
    ["2,032", "2,023"],
    ["1949", "1949 and 1950"],
    ["32", "thirty-two"],
  ])("rejects %j for %j", (expected, given) => {
    expect(checkTypedAnswer(expected, given)).toEqual({ correct: false });
  });

  it("marks a one-letter slip in a word of five or more letters as close", () => {
    expect(checkTypedAnswer("Stoltenberg", "Stoltenburg")).toEqual({ correct: false, close: true });
    expect(checkTypedAnswer("Jens Stoltenberg", "jens stoltenbreg")).toEqual({ correct: false, close: true });
    expect(checkTypedAnswer("Lithuania", "Lithuana")).toEqual({ correct: false, close: true });
    expect(checkTypedAnswer("Stoltenberg", "Stoltenbreggg")).toEqual({ correct: false });
    expect(checkTypedAnswer("Jens Stoltenberg", "Hans Stoltenburg")).toEqual({ correct: false });
  });

  it("compares as text when told the answer is not numeric", () => {
    expect(checkTypedAnswer("20 billion", "20bn", { numeric: false }).correct).toBe(false);
    expect(checkTypedAnswer("20 billion", "20 billion", { numeric: false }).correct).toBe(true);
  });

  it("rejects non-numbers when told the answer is numeric", () => {
    expect(checkTypedAnswer("5", "five", { numeric: true })).toEqual({ correct: false });
  });
});
