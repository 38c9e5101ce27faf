import { describe, expect, it } from "vitest";
import { readReferenceDate } from "@/lib/generator/analyze";
import { findDates } from "@/lib/generator/dates";
import { parseSentences } from "@/lib/generator/extract";

const REFERENCE = readReferenceDate("2025-05-11");
const mentionsOf = (text: string) => (parseSentences([text], REFERENCE)[0]?.mentions ?? []).map((m) => `${m.type}:${m.text}`);

describe("parseSentences", () => {
  it("finds gazetteer people, cities and countries, including names with Turkish letters", () => {
    const mentions = mentionsOf("Foreign Minister Hakan Fidan hosts NATO foreign ministers at a May 14-15 meeting in Antalya, Türkiye.");
    expect(mentions).toEqual(expect.arrayContaining(["city:Antalya", "country:Türkiye", "date:May 14-15", "person:Hakan Fidan"]));
  });

  it("keeps cities and countries apart and knows commands and programmes", () => {
    const mentions = mentionsOf("The NATO Land Command (LANDCOM) sits in Türkiye, which also keeps a NATO Rapid Deployable Corps Headquarters in Istanbul.");
    expect(mentions).toEqual(expect.arrayContaining(["country:Türkiye", "city:Istanbul", "command:NATO Land Command"]));
    expect(mentionsOf("We have Baltic Sentry, which protects undersea critical infrastructure.")).toEqual(
      expect.arrayContaining(["programme:Baltic Sentry", "term:undersea critical infrastructure"]),
    );
  });

  it("reads numbers with their values and kinds", () => {
    const [parse] = parseSentences(["Allies pledged over €20 billion, only 22 of 32 members meet 2%, and the U.S. is at 3.38% until 2032."], REFERENCE);
    const numbers = (parse?.mentions ?? []).filter((m) => m.value !== undefined).map((m) => [m.type, m.text, m.value]);
    expect(numbers).toEqual([
      ["money", "€20 billion", 20e9],
      ["count", "22", 22],
      ["count", "32", 32],
      ["percentage", "2%", 2],
      ["percentage", "3.38%", 3.38],
      ["year", "2032", 2032],
    ]);
  });

  it("resolves surnames and aliases to the same entity", () => {
    const [parse] = parseSentences(["Fidan met Rubio in Turkey."], REFERENCE);
    const fidan = parse?.mentions.find((m) => m.text === "Fidan");
    expect(fidan).toMatchObject({ type: "person", label: "Hakan Fidan", surnameOnly: true });
    expect(parse?.mentions.find((m) => m.text === "Turkey")?.key).toBe("country:turkiye");
  });

  it("restores the future in headline infinitives so questions can be asked", () => {
    const [parse] = parseSentences(["Turkish President Erdogan to meet Zelenskyy on Thursday."], REFERENCE);
    expect(parse?.text).toBe("Turkish President Erdogan will meet Zelenskyy on Thursday.");
    expect(parse?.verb?.finite).toBe(true);
  });
});

describe("findDates", () => {
  it("reads en-dash ranges and ignores weekdays, relative dates and the modal 'may'", () => {
    const dates = findDates("Ministers meet on May 14–15, 2025 and Thursday; NATO may act now, before 1 October 2024.", REFERENCE);
    expect(dates.map((d) => [d.text, d.day, d.month, d.year])).toEqual([
      ["May 14–15, 2025", 14, 5, 2025],
      ["1 October 2024", 1, 10, 2024],
    ]);
  });

  it("marks month-only dates and uncertain years", () => {
    const [july] = findDates("The summit is planned for July.", REFERENCE);
    expect(july).toMatchObject({ text: "July", month: 7, yearCertain: false });
    expect(july?.day).toBeUndefined();
  });
});
