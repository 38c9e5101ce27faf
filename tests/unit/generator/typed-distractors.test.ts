import { describe, expect, it } from "vitest";
import { foldWords, optionFitsType } from "@/lib/facts/lint";
import {
  COMMANDS_AND_HQ,
  MEMBER_STATES,
  MINISTERIAL_MEETINGS,
  OFFICIALS,
  PARTNERS,
  RIVALS,
  SECRETARIES_GENERAL,
  SUMMITS,
} from "@/lib/generator/gazetteer-data";
import { classifyAnswer, pickTypedDistractors, type TypedDistractorInput } from "@/lib/generator/typed-distractors";
import { readFactBase } from "@/seeds/facts";

const pick = (input: Omit<TypedDistractorInput, "seed"> & { seed?: string }) => pickTypedDistractors({ seed: "test", ...input });
const officialsWith = (country: string, ...roles: string[]) =>
  new Set(OFFICIALS.filter((official) => official.country === country && roles.includes(official.role)).map((official) => official.name));
const summitCities = new Set(SUMMITS.flatMap((summit) => (summit.city ? [summit.city] : [])));
const members = new Set(MEMBER_STATES.map((state) => state.name));
const rivalNames = RIVALS.flatMap((rival) => [rival.name, rival.capital ?? ""]);

describe("gazetteer data", () => {
  it("lists the 32 allies once each, with accession years from 1949 to 2024", () => {
    expect(MEMBER_STATES).toHaveLength(32);
    expect(new Set(MEMBER_STATES.map((state) => state.name)).size).toBe(32);
    expect(MEMBER_STATES.filter((state) => state.accession === 1949)).toHaveLength(12);
    expect(MEMBER_STATES.find((state) => state.name === "Sweden")?.accession).toBe(2024);
    expect(MEMBER_STATES.find((state) => state.name === "Finland")?.accession).toBe(2023);
    expect(MEMBER_STATES.find((state) => state.name === "Türkiye")?.accession).toBe(1952);
  });

  it("keeps members, partners and rivals apart", () => {
    const partnerNames = PARTNERS.map((partner) => partner.name);
    for (const name of [...partnerNames, ...RIVALS.map((rival) => rival.name)]) expect(members.has(name)).toBe(false);
    for (const rival of RIVALS) expect(partnerNames).not.toContain(rival.name);
  });

  it("lists the Secretaries General in order, each term ending before the next begins", () => {
    expect(SECRETARIES_GENERAL[0]?.name).toBe("Lord Ismay");
    expect(SECRETARIES_GENERAL.at(-1)?.name).toBe("Mark Rutte");
    for (let i = 1; i < SECRETARIES_GENERAL.length; i++) {
      const previous = SECRETARIES_GENERAL[i - 1]!;
      const next = SECRETARIES_GENERAL[i]!;
      expect(previous.to, previous.name).toBeDefined();
      expect(previous.from < previous.to!, previous.name).toBe(true);
      expect(previous.to! <= next.from, `${previous.name} / ${next.name}`).toBe(true);
    }
  });

  it("has one summit per city and year, in order, never in a rival's city", () => {
    const keys = SUMMITS.map((summit) => `${summit.city ?? summit.country}:${summit.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (let i = 1; i < SUMMITS.length; i++) {
      const [a, b] = [SUMMITS[i - 1]!, SUMMITS[i]!];
      expect(a.year * 100 + (a.month ?? 0) <= b.year * 100 + (b.month ?? 0)).toBe(true);
    }
    for (const summit of SUMMITS) expect(members.has(summit.country)).toBe(true);
    for (const name of rivalNames) expect(summitCities.has(name)).toBe(false);
    expect(SUMMITS.find((summit) => summit.year === 2025)?.city).toBe("The Hague");
  });

  it("dates every office consistently and places every command in an allied country", () => {
    for (const official of OFFICIALS) {
      if (official.from && official.to) expect(official.from <= official.to, official.name).toBe(true);
      for (const month of [official.from, official.to]) if (month) expect(month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
    }
    for (const command of COMMANDS_AND_HQ) expect(members.has(command.country), command.name).toBe(true);
    for (const meeting of MINISTERIAL_MEETINGS) expect(!meeting.to || meeting.from <= meeting.to).toBe(true);
  });
});

describe("pickTypedDistractors", () => {
  it("offers only Turkish foreign ministers for a Turkish foreign minister", () => {
    const options = pick({
      answer: "Hakan Fidan",
      answerType: "person",
      stem: "Which Turkish foreign minister hosted the informal meeting of NATO foreign ministers in Antalya on 14–15 May 2025?",
    });
    expect(options).toHaveLength(3);
    const turkishFms = officialsWith("Türkiye", "foreign minister");
    for (const option of options) expect(turkishFms.has(option), option).toBe(true);
    expect(options).not.toContain("Hakan Fidan");
  });

  it("offers only Americans for a U.S. Secretary of State, and no one who held the post at the stem's date", () => {
    const options = pick({
      answer: "Marco Rubio",
      answerType: "person",
      stem: "Who was U.S. Secretary of State when NATO foreign ministers met in Brussels on 3–4 April 2025?",
    });
    expect(options).toHaveLength(3);
    const secretaries = officialsWith("United States", "secretary of state");
    for (const option of options) expect(secretaries.has(option), option).toBe(true);
    // Blinken left in January 2025: asked about 2025 as a whole, he could be right, so he is not offered.
    const wholeYear = pick({ answer: "Marco Rubio", answerType: "person", stem: "Who served as U.S. Secretary of State in 2025, chairing nothing at NATO?" });
    expect(wholeYear).not.toContain("Antony Blinken");
  });

  it("offers other Secretaries General for a Secretary General, never one named in the stem", () => {
    const options = pick({ answer: "Jens Stoltenberg", answerType: "person", stem: "Whom did Mark Rutte succeed as NATO Secretary General in October 2024?" });
    const sgs = new Set(SECRETARIES_GENERAL.map((sg) => sg.name));
    expect(options).toHaveLength(3);
    for (const option of options) expect(sgs.has(option), option).toBe(true);
    expect(options).not.toContain("Mark Rutte");
  });

  it("keeps a German foreign minister's options German even when an American is named too", () => {
    const options = pick({
      answer: "Johann Wadephul",
      answerType: "person",
      stem: "Which German foreign minister met US Secretary of State Marco Rubio in Antalya at the informal meeting of NATO foreign ministers (14–15 May 2025)?",
    });
    const germans = officialsWith("Germany", "foreign minister");
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(germans.has(option), option).toBe(true);
  });

  it("offers Russian officials for a Russian presidential aide", () => {
    const options = pick({
      answer: "Vladimir Medinsky",
      answerType: "person",
      stem: "Putin did not go to the Russia–Ukraine talks in Istanbul on 16 May 2025. Which presidential aide led Russia's delegation?",
    });
    const russians = new Set(OFFICIALS.filter((official) => official.country === "Russia").map((official) => official.name));
    expect(options).toHaveLength(3);
    for (const option of options) expect(russians.has(option), option).toBe(true);
    expect(options).not.toContain("Vladimir Putin");
  });

  it("offers only summit host cities for a summit venue, never Moscow or Doha, and no city that hosted a summit in the stem's year", () => {
    for (const seed of ["a", "b", "c", "d", "e", "f"]) {
      const options = pick({ seed, answer: "Vilnius", answerType: "place", stem: "At which NATO summit, in July 2023, was the NATO–Ukraine Council created?" });
      expect(options).toHaveLength(3);
      for (const option of options) {
        expect(summitCities.has(option), option).toBe(true);
        expect(["Moscow", "Doha", "Vilnius"]).not.toContain(option);
      }
    }
    const madrid = pick({ answer: "Madrid", answerType: "place", stem: "At which NATO summit of 2022 did allies adopt the current Strategic Concept?" });
    expect(madrid).not.toContain("Brussels");
  });

  it("keeps a city in the country the stem names, and headquarters cities for a headquarters", () => {
    const turkish = pick({
      answer: "İzmir",
      answerType: "place",
      stem: "In which Turkish city is NATO's Allied Land Command (LANDCOM) headquartered, as of May 2025?",
    });
    expect(turkish).toHaveLength(3);
    for (const option of turkish) expect(["Istanbul", "Ankara", "Antalya", "Adana", "Konya", "Bursa", "Eskişehir"]).toContain(option);
    const hq = pick({ answer: "Brussels", answerType: "place", stem: "In which city has NATO had its political headquarters since 1967?" });
    const hqCities = new Set(COMMANDS_AND_HQ.map((command) => command.city));
    for (const option of hq) expect(hqCities.has(option), option).toBe(true);
  });

  it("offers allies for an ally, never a rival or partner; rivals for a rival; partners for a partner", () => {
    const allies = pick({ answer: "Poland", answerType: "place", stem: "Which ally spent the largest share of its GDP on defence in 2024?" });
    expect(allies).toHaveLength(3);
    for (const option of allies) expect(members.has(option), option).toBe(true);
    const rivals = pick({ answer: "Russia", answerType: "place", stem: "Which state does the Hague Summit Declaration of 2025 name as a long-term threat?" });
    expect(rivals).toHaveLength(3);
    for (const option of rivals) expect(RIVALS.map((rival) => rival.name)).toContain(option);
    const partners = pick({ answer: "Japan", answerType: "place", stem: "Which Indo-Pacific partner's prime minister attended the Vilnius summit of 2023?" });
    for (const option of partners) expect(PARTNERS.map((partner) => partner.name)).toContain(option);
  });

  it("never offers an ally that joined in the same year for an accession question", () => {
    const options = pick({
      answer: "Estonia",
      answerType: "place",
      stem: "Which Baltic state, a member since the 2004 enlargement, borders Russia's Pskov region and joined NATO that year?",
      count: 10,
    });
    const joined2004 = MEMBER_STATES.filter((state) => state.accession === 2004).map((state) => state.name);
    for (const option of options) expect(joined2004).not.toContain(option);
  });

  it("offers years near the answer, never the answer, an excluded year or a year in the stem", () => {
    const options = pick({
      answer: "2035",
      answerType: "year",
      stem: "At the Hague summit of 24–25 June 2025, by what year did allies commit to reach 5% of GDP?",
      exclude: ["2029"],
      count: 6,
    });
    expect(options).toHaveLength(6);
    for (const option of options) {
      const year = Number(option);
      expect(Math.abs(year - 2035)).toBeGreaterThanOrEqual(1);
      expect(Math.abs(year - 2035)).toBeLessThanOrEqual(6);
      expect(year).toBeGreaterThan(2025);
      expect(option).not.toBe("2029");
    }
    const past = pick({
      answer: "2004",
      answerType: "year",
      stem: "Since what year have allies policed Baltic airspace, as Rutte recalled in Antalya in May 2025?",
      count: 12,
    });
    for (const option of past) expect(Number(option)).toBeLessThan(2025);
  });

  it("offers percents of the same scale and keeps the answer's bound", () => {
    expect(
      pick({ answer: "5%", answerType: "percent", stem: "What share of GDP did allies commit to at the Hague summit of June 2025?" }).every((o) =>
        /^\d+%$/.test(o),
      ),
    ).toBe(true);
    const decimals = pick({
      answer: "3.38%",
      answerType: "percent",
      stem: "What share of GDP did the United States spend on defence in 2024, per NATO's June 2024 estimates?",
    });
    expect(decimals).toHaveLength(3);
    for (const option of decimals) expect(option).toMatch(/^\d\.\d\d%$/);
    const bounded = pick({
      answer: "at least 3.5%",
      answerType: "percent",
      stem: "Under the Hague commitment of June 2025, what share must go to core defence by 2035?",
    });
    for (const option of bounded) expect(option).toMatch(/^at least \d+(\.5)?%$/);
    // "1.5% asked when 5% and 3.5% are in the stem": the stem's figures are never options.
    const related = pick({
      answer: "1.5%",
      answerType: "percent",
      stem: "Of the Hague 5% of GDP, with 3.5% for core defence, up to what share may go to resilience?",
      count: 6,
    });
    expect(related).not.toContain("3.5%");
    expect(related).not.toContain("5%");
  });

  it("offers dates of the same shape near the answer", () => {
    const range = pick({ answer: "24–25 June 2025", answerType: "date", stem: "On which dates did NATO leaders hold their summit in The Hague?" });
    expect(range).toHaveLength(3);
    for (const option of range) expect(option).toMatch(/^\d{1,2}–\d{1,2} (May|June|July|August|April) 2025$/);
    const day = pick({ answer: "16 May 2025", answerType: "date", stem: "On what date in 2025 did Russia and Ukraine meet in Istanbul?" });
    expect(day).toHaveLength(3);
    for (const option of day) expect(option).toMatch(/^\d{1,2} (March|April|May|June|July) 2025$/);
  });

  it("offers numbers, sums of money and articles in the answer's form", () => {
    const months = pick({
      answer: "3 months",
      answerType: "number",
      stem: "In how many months does Russia make as much ammunition as NATO does in a year, per Rutte in Antalya (May 2025)?",
    });
    for (const option of months) expect(option).toMatch(/^\d+ months?$/);
    const money = pick({ answer: "€40 billion", answerType: "money", stem: "What baseline of aid did allies pledge at the Washington summit of July 2024?" });
    expect(money).toHaveLength(3);
    for (const option of money) expect(option).toMatch(/^€\d+ billion$/);
    const articles = pick({
      answer: "Article 5",
      answerType: "term",
      stem: "Which article of the North Atlantic Treaty, next to Article 6 on its area, holds the mutual-defence clause?",
    });
    expect(articles).toHaveLength(3);
    for (const option of articles) expect(option).toMatch(/^Article (1[0-4]|[1-9])$/);
    expect(articles).not.toContain("Article 6");
  });

  it("offers instruments of the same kind, bodies for bodies, and commands written like the answer", () => {
    expect(classifyAnswer("North Atlantic Council", "organisation")).toBe("instrument");
    const bodies = pick({
      answer: "North Atlantic Council",
      answerType: "organisation",
      stem: "As which body did NATO foreign ministers sit in Brussels in April 2025?",
    });
    for (const option of bodies)
      expect([
        "Military Committee",
        "Nuclear Planning Group",
        "NATO–Russia Council",
        "NATO–Ukraine Council",
        "Euro-Atlantic Partnership Council",
        "NATO Parliamentary Assembly",
      ]).toContain(option);
    const operations = pick({
      answer: "Baltic Sentry",
      answerType: "term",
      stem: "Which NATO activity launched in January 2025 protects undersea infrastructure in the Baltic Sea?",
    });
    expect(operations).toHaveLength(3);
    for (const option of operations) expect(option).toMatch(/Sentry|Policing|Presence|^Operation |Mission/);
    const commands = pick({ answer: "LANDCOM", answerType: "organisation", stem: "Which NATO command is headquartered in İzmir, Türkiye, as of 2025?" });
    expect(commands).toHaveLength(3);
    for (const option of commands) expect(option).toMatch(/^[A-Z][A-Z-]+( [A-Z][a-z]+)?$/);
  });

  it("is deterministic per seed and varies between seeds", () => {
    const input = {
      answer: "Bucharest",
      answerType: "place" as const,
      stem: "At which NATO summit of 2008 did allies agree that Ukraine and Georgia will become members?",
    };
    expect(pick({ ...input, seed: "x" })).toEqual(pick({ ...input, seed: "x" }));
    const variants = new Set(["a", "b", "c", "d", "e", "f", "g", "h"].map((seed) => pick({ ...input, seed }).join("|")));
    expect(variants.size).toBeGreaterThan(1);
  });

  it("never offers an excluded entry, in any spelling the gazetteer knows", () => {
    const stem = "In NATO's first enlargement, which other country joined the Alliance on the same day as Greece?";
    const options = pick({ answer: "Türkiye", answerType: "place", stem, exclude: ["Germany"], count: 31 });
    expect(options).not.toContain("Germany");
    expect(options).not.toContain("Türkiye");
    expect(options).not.toContain("Greece");
    const withAlias = pick({
      answer: "Greece",
      answerType: "place",
      stem: "Which country joined NATO in 1952 along with Türkiye?",
      exclude: ["Turkey"],
      count: 31,
    });
    expect(withAlias).not.toContain("Türkiye");
    const fms = pick({
      answer: "Hakan Fidan",
      answerType: "person",
      stem: "Which Turkish foreign minister hosted NATO ministers in Antalya in May 2025?",
      exclude: ["Mevlut Cavusoglu"],
      count: 10,
    });
    expect(fms).not.toContain("Mevlüt Çavuşoğlu");
  });

  it("returns fewer options, or none, rather than an unfair one", () => {
    expect(pick({ answer: "World Forum", answerType: "place", stem: "In which venue in The Hague did NATO leaders meet in June 2025?" })).toEqual([]);
    expect(pick({ answer: "irreversible", answerType: "term", stem: "How did the Washington Summit Declaration describe Ukraine's path?" })).toEqual([]);
    expect(pick({ answer: "Someone Unknown", answerType: "person", stem: "Who spoke?" })).toEqual([]);
    const envoys = pick({
      answer: "Steve Witkoff",
      answerType: "person",
      stem: "Which special envoy of President Trump joined talks in Istanbul in May 2025?",
    });
    expect(envoys.length).toBeLessThan(3);
    for (const option of envoys) expect(officialsWith("United States", "special envoy").has(option)).toBe(true);
  });
});

describe("pickTypedDistractors on the shipped fact base", () => {
  const { facts } = readFactBase();
  const siblingAnswers = (fact: (typeof facts)[number]) =>
    facts
      .filter((other) => other.id !== fact.id && other.context.event === fact.context.event && other.answer.type === fact.answer.type)
      .flatMap((other) => [other.answer.text, ...other.answer.accept]);

  it("never offers a fact's answer or accepted answers, nor anything from its stem, and fits the answer's type", () => {
    let withOptions = 0;
    for (const fact of facts) {
      const options = pickTypedDistractors({ answer: fact.answer.text, answerType: fact.answer.type, stem: fact.question, seed: fact.id });
      const accepted = new Set([fact.answer.text, ...fact.answer.accept].map(foldWords));
      expect(new Set(options.map(foldWords)).size, fact.id).toBe(options.length);
      expect(options.length, fact.id).toBeLessThanOrEqual(3);
      if (options.length > 0) withOptions++;
      for (const option of options) {
        expect(accepted.has(foldWords(option)), `${fact.id}: ${option}`).toBe(false);
        expect(` ${foldWords(fact.question)} `.includes(` ${foldWords(option)} `), `${fact.id}: ${option} is in the stem`).toBe(false);
        expect(optionFitsType(option, fact.answer.type), `${fact.id}: ${option}`).toBe(true);
        for (const name of rivalNames)
          if (fact.answer.type === "place" && !RIVALS.some((rival) => rival.name === fact.answer.text)) expect(option).not.toBe(name);
      }
    }
    // Most facts are of a class the gazetteer knows; terms it cannot vouch for get none.
    expect(withOptions).toBeGreaterThan(facts.length / 2);
  });

  it("never offers the answer of another question about the same event when the caller excludes them", () => {
    for (const fact of facts) {
      const siblings = siblingAnswers(fact);
      const options = pickTypedDistractors({ answer: fact.answer.text, answerType: fact.answer.type, stem: fact.question, seed: fact.id, exclude: siblings });
      const refused = new Set(siblings.map(foldWords));
      for (const option of options) expect(refused.has(foldWords(option)), `${fact.id}: ${option}`).toBe(false);
    }
  });
});
