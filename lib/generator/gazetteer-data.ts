/**
 * Typed NATO reference data for picking fair wrong options (card rubric R5): every entry is a fact the
 * project is sure of, with the attributes a question's stem can imply (country, role, year, kind).
 * Dates are "YYYY" or "YYYY-MM" (or "YYYY-MM-DD" where the day matters); an open `to` means still in office
 * as of 2025. Pure data: no I/O, no clock.
 */

export type YearMonth = string;

export type Summit = {
  /** The host city; left out when the venue is not settled. */
  city?: string;
  country: string;
  year: number;
  month?: number;
  /** An extraordinary summit, called outside the regular cycle. */
  extraordinary?: boolean;
};

/** NATO summits (meetings of heads of state and government) the project is sure of, oldest first. */
export const SUMMITS: readonly Summit[] = [
  { city: "Paris", country: "France", year: 1957, month: 12 },
  { city: "Brussels", country: "Belgium", year: 1974, month: 6 },
  { city: "Brussels", country: "Belgium", year: 1975, month: 5 },
  { city: "London", country: "United Kingdom", year: 1977, month: 5 },
  { city: "Washington", country: "United States", year: 1978, month: 5 },
  { city: "Bonn", country: "Germany", year: 1982, month: 6 },
  { city: "Brussels", country: "Belgium", year: 1988, month: 3 },
  { city: "Brussels", country: "Belgium", year: 1989, month: 5 },
  { city: "London", country: "United Kingdom", year: 1990, month: 7 },
  { city: "Rome", country: "Italy", year: 1991, month: 11 },
  { city: "Brussels", country: "Belgium", year: 1994, month: 1 },
  { city: "Madrid", country: "Spain", year: 1997, month: 7 },
  { city: "Washington", country: "United States", year: 1999, month: 4 },
  { city: "Brussels", country: "Belgium", year: 2001, month: 6 },
  { city: "Prague", country: "Czechia", year: 2002, month: 11 },
  { city: "Istanbul", country: "Türkiye", year: 2004, month: 6 },
  { city: "Brussels", country: "Belgium", year: 2005, month: 2 },
  { city: "Riga", country: "Latvia", year: 2006, month: 11 },
  { city: "Bucharest", country: "Romania", year: 2008, month: 4 },
  { city: "Strasbourg–Kehl", country: "France", year: 2009, month: 4 },
  { city: "Lisbon", country: "Portugal", year: 2010, month: 11 },
  { city: "Chicago", country: "United States", year: 2012, month: 5 },
  { city: "Newport", country: "United Kingdom", year: 2014, month: 9 },
  { city: "Warsaw", country: "Poland", year: 2016, month: 7 },
  { city: "Brussels", country: "Belgium", year: 2017, month: 5 },
  { city: "Brussels", country: "Belgium", year: 2018, month: 7 },
  { city: "London", country: "United Kingdom", year: 2019, month: 12 },
  { city: "Brussels", country: "Belgium", year: 2021, month: 6 },
  { city: "Brussels", country: "Belgium", year: 2022, month: 3, extraordinary: true },
  { city: "Madrid", country: "Spain", year: 2022, month: 6 },
  { city: "Vilnius", country: "Lithuania", year: 2023, month: 7 },
  { city: "Washington", country: "United States", year: 2024, month: 7 },
  { city: "The Hague", country: "Netherlands", year: 2025, month: 6 },
  // The Hague Summit Declaration names Türkiye as the 2026 host; the city is left out here.
  { country: "Türkiye", year: 2026 },
];

export type MinisterialMeeting = {
  kind: "foreign" | "defence";
  informal?: boolean;
  city: string;
  country: string;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, when the meeting ran over more than one day. */
  to?: string;
};

export const MINISTERIAL_MEETINGS: readonly MinisterialMeeting[] = [
  { kind: "foreign", city: "Antalya", country: "Türkiye", from: "2015-05-13", to: "2015-05-14" },
  { kind: "foreign", city: "Brussels", country: "Belgium", from: "2024-12-03", to: "2024-12-04" },
  { kind: "foreign", city: "Brussels", country: "Belgium", from: "2025-04-03", to: "2025-04-04" },
  { kind: "foreign", informal: true, city: "Antalya", country: "Türkiye", from: "2025-05-14", to: "2025-05-15" },
  { kind: "defence", city: "Brussels", country: "Belgium", from: "2025-06-05" },
];

export type SecretaryGeneral = { name: string; country: string; from: YearMonth; to?: YearMonth };

/** NATO Secretaries General in order (acting holders left out). */
export const SECRETARIES_GENERAL: readonly SecretaryGeneral[] = [
  { name: "Lord Ismay", country: "United Kingdom", from: "1952-04", to: "1957-05" },
  { name: "Paul-Henri Spaak", country: "Belgium", from: "1957-05", to: "1961-04" },
  { name: "Dirk Stikker", country: "Netherlands", from: "1961-04", to: "1964-08" },
  { name: "Manlio Brosio", country: "Italy", from: "1964-08", to: "1971-10" },
  { name: "Joseph Luns", country: "Netherlands", from: "1971-10", to: "1984-06" },
  { name: "Lord Carrington", country: "United Kingdom", from: "1984-06", to: "1988-07" },
  { name: "Manfred Wörner", country: "Germany", from: "1988-07", to: "1994-08" },
  { name: "Willy Claes", country: "Belgium", from: "1994-10", to: "1995-10" },
  { name: "Javier Solana", country: "Spain", from: "1995-12", to: "1999-10" },
  { name: "Lord Robertson", country: "United Kingdom", from: "1999-10", to: "2003-12" },
  { name: "Jaap de Hoop Scheffer", country: "Netherlands", from: "2004-01", to: "2009-07" },
  { name: "Anders Fogh Rasmussen", country: "Denmark", from: "2009-08", to: "2014-09" },
  { name: "Jens Stoltenberg", country: "Norway", from: "2014-10", to: "2024-10" },
  { name: "Mark Rutte", country: "Netherlands", from: "2024-10" },
];

export type Region = "North America" | "Western Europe" | "Nordic" | "Southern Europe" | "Central Europe" | "Baltic" | "South-Eastern Europe";

export type Country = {
  name: string;
  /** Other names and spellings ("Turkey", "U.S."). */
  aliases: readonly string[];
  /** Adjectives and possessives that name the country in a stem ("Turkish", "Belgium's" is derived). */
  adjectives: readonly string[];
  capital?: string;
};

export type MemberState = Country & { accession: number; region: Region };

const member = (name: string, accession: number, region: Region, capital: string, adjectives: string[], aliases: string[] = []): MemberState => ({
  name,
  accession,
  region,
  capital,
  adjectives,
  aliases,
});

/** The 32 allies with the year each joined. */
export const MEMBER_STATES: readonly MemberState[] = [
  member("Belgium", 1949, "Western Europe", "Brussels", ["Belgian"]),
  member("Canada", 1949, "North America", "Ottawa", ["Canadian"]),
  member("Denmark", 1949, "Nordic", "Copenhagen", ["Danish"]),
  member("France", 1949, "Western Europe", "Paris", ["French"]),
  member("Iceland", 1949, "Nordic", "Reykjavík", ["Icelandic"]),
  member("Italy", 1949, "Southern Europe", "Rome", ["Italian"]),
  member("Luxembourg", 1949, "Western Europe", "Luxembourg", ["Luxembourgish"]),
  member("Netherlands", 1949, "Western Europe", "Amsterdam", ["Dutch"], ["The Netherlands", "Holland"]),
  member("Norway", 1949, "Nordic", "Oslo", ["Norwegian"]),
  member("Portugal", 1949, "Southern Europe", "Lisbon", ["Portuguese"]),
  member("United Kingdom", 1949, "Western Europe", "London", ["British", "UK"], ["UK", "U.K.", "Britain", "Great Britain"]),
  member("United States", 1949, "North America", "Washington", ["American", "U.S.", "US"], ["U.S.", "US", "USA", "United States of America", "America"]),
  member("Greece", 1952, "Southern Europe", "Athens", ["Greek"]),
  member("Türkiye", 1952, "South-Eastern Europe", "Ankara", ["Turkish"], ["Turkey", "Turkiye"]),
  member("Germany", 1955, "Western Europe", "Berlin", ["German"], ["West Germany", "Federal Republic of Germany"]),
  member("Spain", 1982, "Southern Europe", "Madrid", ["Spanish"]),
  member("Czechia", 1999, "Central Europe", "Prague", ["Czech"], ["Czech Republic"]),
  member("Hungary", 1999, "Central Europe", "Budapest", ["Hungarian"]),
  member("Poland", 1999, "Central Europe", "Warsaw", ["Polish"]),
  member("Bulgaria", 2004, "South-Eastern Europe", "Sofia", ["Bulgarian"]),
  member("Estonia", 2004, "Baltic", "Tallinn", ["Estonian"]),
  member("Latvia", 2004, "Baltic", "Riga", ["Latvian"]),
  member("Lithuania", 2004, "Baltic", "Vilnius", ["Lithuanian"]),
  member("Romania", 2004, "South-Eastern Europe", "Bucharest", ["Romanian"]),
  member("Slovakia", 2004, "Central Europe", "Bratislava", ["Slovak"]),
  member("Slovenia", 2004, "Central Europe", "Ljubljana", ["Slovenian", "Slovene"]),
  member("Albania", 2009, "South-Eastern Europe", "Tirana", ["Albanian"]),
  member("Croatia", 2009, "South-Eastern Europe", "Zagreb", ["Croatian"]),
  member("Montenegro", 2017, "South-Eastern Europe", "Podgorica", ["Montenegrin"]),
  member("North Macedonia", 2020, "South-Eastern Europe", "Skopje", ["Macedonian"], ["Republic of North Macedonia"]),
  member("Finland", 2023, "Nordic", "Helsinki", ["Finnish"]),
  member("Sweden", 2024, "Nordic", "Stockholm", ["Swedish"]),
];

/** The day each enlargement took effect (instruments of accession deposited), by accession year. */
export const ENLARGEMENT_DAYS: Readonly<Record<number, string>> = {
  1952: "1952-02-18",
  1955: "1955-05-06",
  1982: "1982-05-30",
  1999: "1999-03-12",
  2004: "2004-03-29",
  2009: "2009-04-01",
  2017: "2017-06-05",
  2020: "2020-03-27",
  2023: "2023-04-04",
  2024: "2024-03-07",
};

export type PartnerGroup = "aspirant" | "IP4" | "European partner";
export type Partner = Country & { member: false; group: PartnerGroup };

const partner = (name: string, group: PartnerGroup, adjectives: string[], aliases: string[] = []): Partner => ({
  name,
  group,
  adjectives,
  aliases,
  member: false,
});

/** Partners, never members: offered only as partners, never as allies or NATO venues. */
export const PARTNERS: readonly Partner[] = [
  partner("Ukraine", "aspirant", ["Ukrainian"]),
  partner("Georgia", "aspirant", ["Georgian"]),
  partner("Bosnia and Herzegovina", "aspirant", ["Bosnian"]),
  partner("Moldova", "European partner", ["Moldovan"]),
  partner("Japan", "IP4", ["Japanese"]),
  partner("South Korea", "IP4", ["South Korean", "Korean"], ["Republic of Korea"]),
  partner("Australia", "IP4", ["Australian"]),
  partner("New Zealand", "IP4", []),
  partner("Austria", "European partner", ["Austrian"]),
  partner("Ireland", "European partner", ["Irish"]),
  partner("Switzerland", "European partner", ["Swiss"]),
  partner("Malta", "European partner", ["Maltese"]),
];

export type Rival = Country & { rival: true };

/** States NATO names as threats or challenges: never offered as a NATO venue, member or partner. */
export const RIVALS: readonly Rival[] = [
  { name: "Russia", aliases: ["Russian Federation", "the Russian Federation"], adjectives: ["Russian", "Kremlin"], capital: "Moscow", rival: true },
  { name: "China", aliases: ["People's Republic of China", "PRC"], adjectives: ["Chinese"], capital: "Beijing", rival: true },
  { name: "Belarus", aliases: [], adjectives: ["Belarusian"], capital: "Minsk", rival: true },
  { name: "Iran", aliases: [], adjectives: ["Iranian"], capital: "Tehran", rival: true },
  { name: "North Korea", aliases: ["DPRK"], adjectives: ["North Korean"], capital: "Pyongyang", rival: true },
];

export type City = { name: string; country: string; aliases: readonly string[] };

const city = (name: string, country: string, ...aliases: string[]): City => ({ name, country, aliases });

/** Cities in allied countries beyond capitals, summit hosts and headquarters: the reserve for "which Turkish city". */
export const OTHER_CITIES: readonly City[] = [
  city("Istanbul", "Türkiye", "İstanbul"),
  city("İzmir", "Türkiye", "Izmir"),
  city("Antalya", "Türkiye"),
  city("Adana", "Türkiye"),
  city("Konya", "Türkiye"),
  city("Bursa", "Türkiye"),
  city("Eskişehir", "Türkiye", "Eskisehir"),
  city("The Hague", "Netherlands", "Den Haag", "Hague"),
  city("Washington", "United States", "Washington, D.C.", "Washington DC", "Washington D.C."),
  city("Brussels", "Belgium", "Bruxelles", "Brussel"),
  city("Strasbourg–Kehl", "France", "Strasbourg-Kehl"),
  city("Newport", "United Kingdom"),
];

export type CommandKind = "headquarters" | "strategic command" | "joint force command" | "component command" | "corps" | "other";

export type Command = { name: string; abbreviation?: string; city: string; country: string; kind: CommandKind; from?: number; to?: number };

/** NATO headquarters and commands with where they are based. */
export const COMMANDS_AND_HQ: readonly Command[] = [
  { name: "NATO Headquarters", city: "Brussels", country: "Belgium", kind: "headquarters", from: 1967 },
  { name: "NATO Headquarters (Paris)", city: "Paris", country: "France", kind: "headquarters", from: 1952, to: 1967 },
  { name: "Supreme Headquarters Allied Powers Europe", abbreviation: "SHAPE", city: "Mons", country: "Belgium", kind: "strategic command", from: 1967 },
  { name: "Allied Command Operations", abbreviation: "ACO", city: "Mons", country: "Belgium", kind: "strategic command", from: 2003 },
  { name: "Allied Command Transformation", abbreviation: "ACT", city: "Norfolk", country: "United States", kind: "strategic command", from: 2003 },
  { name: "Joint Force Command Brunssum", abbreviation: "JFC Brunssum", city: "Brunssum", country: "Netherlands", kind: "joint force command" },
  { name: "Joint Force Command Naples", abbreviation: "JFC Naples", city: "Naples", country: "Italy", kind: "joint force command" },
  { name: "Joint Force Command Norfolk", abbreviation: "JFC Norfolk", city: "Norfolk", country: "United States", kind: "joint force command" },
  { name: "Allied Land Command", abbreviation: "LANDCOM", city: "İzmir", country: "Türkiye", kind: "component command" },
  { name: "Allied Maritime Command", abbreviation: "MARCOM", city: "Northwood", country: "United Kingdom", kind: "component command" },
  { name: "Allied Air Command", abbreviation: "AIRCOM", city: "Ramstein", country: "Germany", kind: "component command" },
  { name: "Joint Support and Enabling Command", abbreviation: "JSEC", city: "Ulm", country: "Germany", kind: "component command" },
  { name: "NATO Rapid Deployable Corps – Türkiye", abbreviation: "NRDC-T", city: "Istanbul", country: "Türkiye", kind: "corps" },
  { name: "NATO Rapid Deployable Corps – Italy", abbreviation: "NRDC-ITA", city: "Solbiate Olona", country: "Italy", kind: "corps" },
  { name: "NATO Rapid Deployable Corps – Spain", abbreviation: "NRDC-ESP", city: "Valencia", country: "Spain", kind: "corps" },
  { name: "Allied Rapid Reaction Corps", abbreviation: "ARRC", city: "Innsworth", country: "United Kingdom", kind: "corps" },
  { name: "Multinational Corps Northeast", abbreviation: "MNC-NE", city: "Szczecin", country: "Poland", kind: "corps" },
  { name: "Eurocorps", city: "Strasbourg", country: "France", kind: "corps" },
  { name: "NATO Security Assistance and Training for Ukraine", abbreviation: "NSATU", city: "Wiesbaden", country: "Germany", kind: "other", from: 2024 },
  { name: "NATO Defense College", city: "Rome", country: "Italy", kind: "other" },
];

export type Role =
  | "secretary general"
  | "deputy secretary general"
  | "foreign minister"
  | "secretary of state"
  | "defence minister"
  | "head of government"
  | "head of state"
  | "ambassador to NATO"
  | "EU high representative"
  | "presidential aide"
  | "press secretary"
  | "special envoy"
  | "head of presidential office";

export type Official = { name: string; country: string; role: Role; from?: YearMonth; to?: YearMonth };

const o = (name: string, country: string, role: Role, from?: YearMonth, to?: YearMonth): Official => ({
  name,
  country,
  role,
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
});

/**
 * People who recur in NATO news, one entry per office held. EU High Representatives have country "European Union";
 * Secretaries General are listed here too with role "secretary general" and their own nationality.
 */
export const OFFICIALS: readonly Official[] = [
  ...SECRETARIES_GENERAL.map((sg) => o(sg.name, sg.country, "secretary general", sg.from, sg.to)),
  o("Mircea Geoană", "Romania", "deputy secretary general", "2019-10", "2024-09"),
  // United States
  o("Hillary Clinton", "United States", "secretary of state", "2009-01", "2013-02"),
  o("John Kerry", "United States", "secretary of state", "2013-02", "2017-01"),
  o("Rex Tillerson", "United States", "secretary of state", "2017-02", "2018-03"),
  o("Mike Pompeo", "United States", "secretary of state", "2018-04", "2021-01"),
  o("Antony Blinken", "United States", "secretary of state", "2021-01", "2025-01"),
  o("Marco Rubio", "United States", "secretary of state", "2025-01"),
  o("Chuck Hagel", "United States", "defence minister", "2013-02", "2015-02"),
  o("Ash Carter", "United States", "defence minister", "2015-02", "2017-01"),
  o("Jim Mattis", "United States", "defence minister", "2017-01", "2019-01"),
  o("Mark Esper", "United States", "defence minister", "2019-07", "2020-11"),
  o("Lloyd Austin", "United States", "defence minister", "2021-01", "2025-01"),
  o("Pete Hegseth", "United States", "defence minister", "2025-01"),
  o("Ivo Daalder", "United States", "ambassador to NATO", "2009-05", "2013-07"),
  o("Douglas Lute", "United States", "ambassador to NATO", "2013-08", "2017-01"),
  o("Kay Bailey Hutchison", "United States", "ambassador to NATO", "2017-08", "2021-01"),
  o("Julianne Smith", "United States", "ambassador to NATO", "2021-11", "2025-01"),
  o("Matthew Whitaker", "United States", "ambassador to NATO", "2025-04"),
  o("Barack Obama", "United States", "head of state", "2009-01", "2017-01"),
  o("Donald Trump", "United States", "head of state", "2017-01", "2021-01"),
  o("Joe Biden", "United States", "head of state", "2021-01", "2025-01"),
  o("Donald Trump", "United States", "head of state", "2025-01"),
  o("Steve Witkoff", "United States", "special envoy", "2025-01"),
  o("Keith Kellogg", "United States", "special envoy", "2025-01"),
  // Türkiye
  o("Ali Babacan", "Türkiye", "foreign minister", "2007-08", "2009-05"),
  o("Ahmet Davutoğlu", "Türkiye", "foreign minister", "2009-05", "2014-08"),
  o("Mevlüt Çavuşoğlu", "Türkiye", "foreign minister", "2014-08", "2015-08"),
  o("Feridun Sinirlioğlu", "Türkiye", "foreign minister", "2015-08", "2015-11"),
  o("Mevlüt Çavuşoğlu", "Türkiye", "foreign minister", "2015-11", "2023-06"),
  o("Hakan Fidan", "Türkiye", "foreign minister", "2023-06"),
  o("Hulusi Akar", "Türkiye", "defence minister", "2018-07", "2023-06"),
  o("Yaşar Güler", "Türkiye", "defence minister", "2023-06"),
  o("Recep Tayyip Erdoğan", "Türkiye", "head of government", "2003-03", "2014-08"),
  o("Ahmet Davutoğlu", "Türkiye", "head of government", "2014-08", "2016-05"),
  o("Binali Yıldırım", "Türkiye", "head of government", "2016-05", "2018-07"),
  o("Abdullah Gül", "Türkiye", "head of state", "2007-08", "2014-08"),
  o("Recep Tayyip Erdoğan", "Türkiye", "head of state", "2014-08"),
  // Germany
  o("Frank-Walter Steinmeier", "Germany", "foreign minister", "2013-12", "2017-01"),
  o("Sigmar Gabriel", "Germany", "foreign minister", "2017-01", "2018-03"),
  o("Heiko Maas", "Germany", "foreign minister", "2018-03", "2021-12"),
  o("Annalena Baerbock", "Germany", "foreign minister", "2021-12", "2025-05"),
  o("Johann Wadephul", "Germany", "foreign minister", "2025-05"),
  o("Ursula von der Leyen", "Germany", "defence minister", "2013-12", "2019-07"),
  o("Annegret Kramp-Karrenbauer", "Germany", "defence minister", "2019-07", "2021-12"),
  o("Christine Lambrecht", "Germany", "defence minister", "2021-12", "2023-01"),
  o("Boris Pistorius", "Germany", "defence minister", "2023-01"),
  o("Gerhard Schröder", "Germany", "head of government", "1998-10", "2005-11"),
  o("Angela Merkel", "Germany", "head of government", "2005-11", "2021-12"),
  o("Olaf Scholz", "Germany", "head of government", "2021-12", "2025-05"),
  o("Friedrich Merz", "Germany", "head of government", "2025-05"),
  o("Frank-Walter Steinmeier", "Germany", "head of state", "2017-03"),
  // Belgium
  o("Didier Reynders", "Belgium", "foreign minister", "2011-12", "2019-11"),
  o("Philippe Goffin", "Belgium", "foreign minister", "2019-11", "2020-10"),
  o("Sophie Wilmès", "Belgium", "foreign minister", "2020-10", "2022-07"),
  o("Hadja Lahbib", "Belgium", "foreign minister", "2022-07", "2025-02"),
  o("Maxime Prévot", "Belgium", "foreign minister", "2025-02"),
  o("Charles Michel", "Belgium", "head of government", "2014-10", "2019-10"),
  o("Sophie Wilmès", "Belgium", "head of government", "2019-10", "2020-10"),
  o("Alexander De Croo", "Belgium", "head of government", "2020-10", "2025-02"),
  o("Bart De Wever", "Belgium", "head of government", "2025-02"),
  // United Kingdom
  o("Philip Hammond", "United Kingdom", "foreign minister", "2014-07", "2016-07"),
  o("Boris Johnson", "United Kingdom", "foreign minister", "2016-07", "2018-07"),
  o("Jeremy Hunt", "United Kingdom", "foreign minister", "2018-07", "2019-07"),
  o("Dominic Raab", "United Kingdom", "foreign minister", "2019-07", "2021-09"),
  o("Liz Truss", "United Kingdom", "foreign minister", "2021-09", "2022-09"),
  o("James Cleverly", "United Kingdom", "foreign minister", "2022-09", "2023-11"),
  o("David Cameron", "United Kingdom", "foreign minister", "2023-11", "2024-07"),
  o("David Lammy", "United Kingdom", "foreign minister", "2024-07", "2025-09"),
  o("Yvette Cooper", "United Kingdom", "foreign minister", "2025-09"),
  o("Michael Fallon", "United Kingdom", "defence minister", "2014-07", "2017-11"),
  o("Gavin Williamson", "United Kingdom", "defence minister", "2017-11", "2019-05"),
  o("Penny Mordaunt", "United Kingdom", "defence minister", "2019-05", "2019-07"),
  o("Ben Wallace", "United Kingdom", "defence minister", "2019-07", "2023-08"),
  o("Grant Shapps", "United Kingdom", "defence minister", "2023-08", "2024-07"),
  o("John Healey", "United Kingdom", "defence minister", "2024-07"),
  o("David Cameron", "United Kingdom", "head of government", "2010-05", "2016-07"),
  o("Theresa May", "United Kingdom", "head of government", "2016-07", "2019-07"),
  o("Boris Johnson", "United Kingdom", "head of government", "2019-07", "2022-09"),
  o("Liz Truss", "United Kingdom", "head of government", "2022-09", "2022-10"),
  o("Rishi Sunak", "United Kingdom", "head of government", "2022-10", "2024-07"),
  o("Keir Starmer", "United Kingdom", "head of government", "2024-07"),
  // France
  o("Laurent Fabius", "France", "foreign minister", "2012-05", "2016-02"),
  o("Jean-Marc Ayrault", "France", "foreign minister", "2016-02", "2017-05"),
  o("Jean-Yves Le Drian", "France", "foreign minister", "2017-05", "2022-05"),
  o("Catherine Colonna", "France", "foreign minister", "2022-05", "2024-01"),
  o("Stéphane Séjourné", "France", "foreign minister", "2024-01", "2024-09"),
  o("Jean-Noël Barrot", "France", "foreign minister", "2024-09"),
  o("Nicolas Sarkozy", "France", "head of state", "2007-05", "2012-05"),
  o("François Hollande", "France", "head of state", "2012-05", "2017-05"),
  o("Emmanuel Macron", "France", "head of state", "2017-05"),
  // Netherlands
  o("Ruud Lubbers", "Netherlands", "head of government", "1982-11", "1994-08"),
  o("Wim Kok", "Netherlands", "head of government", "1994-08", "2002-07"),
  o("Jan Peter Balkenende", "Netherlands", "head of government", "2002-07", "2010-10"),
  o("Mark Rutte", "Netherlands", "head of government", "2010-10", "2024-07"),
  o("Dick Schoof", "Netherlands", "head of government", "2024-07"),
  // Other allies
  o("Anders Fogh Rasmussen", "Denmark", "head of government", "2001-11", "2009-04"),
  o("Jens Stoltenberg", "Norway", "head of government", "2005-10", "2013-10"),
  o("Giuseppe Conte", "Italy", "head of government", "2018-06", "2021-02"),
  o("Mario Draghi", "Italy", "head of government", "2021-02", "2022-10"),
  o("Giorgia Meloni", "Italy", "head of government", "2022-10"),
  o("Pedro Sánchez", "Spain", "head of government", "2018-06"),
  o("Mateusz Morawiecki", "Poland", "head of government", "2017-12", "2023-12"),
  o("Donald Tusk", "Poland", "head of government", "2023-12"),
  o("Andrzej Duda", "Poland", "head of state", "2015-08", "2025-08"),
  o("Karol Nawrocki", "Poland", "head of state", "2025-08"),
  o("Justin Trudeau", "Canada", "head of government", "2015-11", "2025-03"),
  o("Mark Carney", "Canada", "head of government", "2025-03"),
  o("Kaja Kallas", "Estonia", "head of government", "2021-01", "2024-07"),
  o("Kristen Michal", "Estonia", "head of government", "2024-07"),
  o("Viktor Orbán", "Hungary", "head of government", "2010-05"),
  // Ukraine
  o("Pavlo Klimkin", "Ukraine", "foreign minister", "2014-06", "2019-08"),
  o("Vadym Prystaiko", "Ukraine", "foreign minister", "2019-08", "2020-03"),
  o("Dmytro Kuleba", "Ukraine", "foreign minister", "2020-03", "2024-09"),
  o("Andrii Sybiha", "Ukraine", "foreign minister", "2024-09"),
  o("Oleksii Reznikov", "Ukraine", "defence minister", "2021-11", "2023-09"),
  o("Rustem Umerov", "Ukraine", "defence minister", "2023-09", "2025-07"),
  o("Denys Shmyhal", "Ukraine", "defence minister", "2025-07"),
  o("Denys Shmyhal", "Ukraine", "head of government", "2020-03", "2025-07"),
  o("Yulia Svyrydenko", "Ukraine", "head of government", "2025-07"),
  o("Petro Poroshenko", "Ukraine", "head of state", "2014-06", "2019-05"),
  o("Volodymyr Zelenskyy", "Ukraine", "head of state", "2019-05"),
  o("Andriy Yermak", "Ukraine", "head of presidential office", "2020-02"),
  // Russia
  o("Boris Yeltsin", "Russia", "head of state", "1991-07", "1999-12"),
  o("Vladimir Putin", "Russia", "head of state", "2000-05", "2008-05"),
  o("Dmitry Medvedev", "Russia", "head of state", "2008-05", "2012-05"),
  o("Vladimir Putin", "Russia", "head of state", "2012-05"),
  o("Vladimir Putin", "Russia", "head of government", "2008-05", "2012-05"),
  o("Dmitry Medvedev", "Russia", "head of government", "2012-05", "2020-01"),
  o("Mikhail Mishustin", "Russia", "head of government", "2020-01"),
  o("Sergey Lavrov", "Russia", "foreign minister", "2004-03"),
  o("Sergei Shoigu", "Russia", "defence minister", "2012-11", "2024-05"),
  o("Andrei Belousov", "Russia", "defence minister", "2024-05"),
  o("Dmitry Peskov", "Russia", "press secretary", "2012-05"),
  o("Yuri Ushakov", "Russia", "presidential aide", "2012-05"),
  o("Vladimir Medinsky", "Russia", "presidential aide", "2020-01"),
  // European Union
  o("Catherine Ashton", "European Union", "EU high representative", "2009-12", "2014-10"),
  o("Federica Mogherini", "European Union", "EU high representative", "2014-11", "2019-11"),
  o("Josep Borrell", "European Union", "EU high representative", "2019-12", "2024-11"),
  o("Kaja Kallas", "European Union", "EU high representative", "2024-12"),
];

/** Other spellings of officials' names, so "Erdogan" and "Zelensky" are known as the same person. */
export const PERSON_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "Recep Tayyip Erdoğan": ["Recep Tayyip Erdogan", "Erdogan"],
  "Volodymyr Zelenskyy": ["Volodymyr Zelensky", "Zelensky"],
  "Andrii Sybiha": ["Andriy Sybiha"],
  "Maxime Prévot": ["Maxime Prevot"],
  "Mevlüt Çavuşoğlu": ["Mevlut Cavusoglu"],
  "Ahmet Davutoğlu": ["Ahmet Davutoglu"],
  "Steve Witkoff": ["Steven Witkoff"],
  "Sergey Lavrov": ["Sergei Lavrov"],
  "Lord Ismay": ["Hastings Ismay"],
  "Lord Robertson": ["George Robertson"],
  "Lord Carrington": ["Peter Carrington"],
};

export type InstrumentKind = "article" | "target" | "pledge" | "plan" | "operation" | "body";

export type Instrument = { name: string; kind: InstrumentKind; year?: number; aliases?: readonly string[] };

const ARTICLES: Instrument[] = Array.from({ length: 14 }, (_, i) => ({ name: `Article ${i + 1}`, kind: "article", year: 1949 }));

/** Named articles, targets, pledges, plans, operations and bodies of the Alliance. */
export const INSTRUMENTS: readonly Instrument[] = [
  ...ARTICLES,
  { name: "2% of GDP guideline", kind: "target", year: 2006 },
  { name: "20% equipment guideline", kind: "target", year: 2014 },
  { name: "5% of GDP commitment", kind: "target", year: 2025, aliases: ["3.5% + 1.5%"] },
  { name: "3.5% core defence spending target", kind: "target", year: 2025 },
  { name: "1.5% defence- and security-related spending target", kind: "target", year: 2025 },
  { name: "NATO Capability Targets", kind: "target", aliases: ["Capability Targets"] },
  { name: "Defence Investment Pledge", kind: "pledge", year: 2014, aliases: ["Wales pledge", "Wales investment pledge"] },
  { name: "Cyber Defence Pledge", kind: "pledge", year: 2016 },
  { name: "NATO Industrial Capacity Expansion Pledge", kind: "pledge", year: 2024, aliases: ["Industrial Capacity Expansion Pledge"] },
  { name: "Readiness Action Plan", kind: "plan", year: 2014 },
  { name: "Membership Action Plan", kind: "plan", year: 1999, aliases: ["MAP", "Membership Action Plan (MAP)"] },
  { name: "Defence Production Action Plan", kind: "plan", year: 2023 },
  { name: "Comprehensive Assistance Package", kind: "plan", year: 2016 },
  { name: "Individual Partnership Action Plan", kind: "plan", year: 2002 },
  { name: "Partnership for Peace", kind: "plan", year: 1994 },
  { name: "Baltic Sentry", kind: "operation", year: 2025 },
  { name: "Eastern Sentry", kind: "operation", year: 2025 },
  { name: "Baltic Air Policing", kind: "operation", year: 2004 },
  { name: "Enhanced Forward Presence", kind: "operation", year: 2017 },
  { name: "Operation Active Endeavour", kind: "operation", year: 2001 },
  { name: "Operation Sea Guardian", kind: "operation", year: 2016 },
  { name: "Operation Ocean Shield", kind: "operation", year: 2009 },
  { name: "Operation Unified Protector", kind: "operation", year: 2011 },
  { name: "Operation Allied Force", kind: "operation", year: 1999 },
  { name: "Resolute Support Mission", kind: "operation", year: 2015 },
  { name: "NATO Mission Iraq", kind: "operation", year: 2018 },
  { name: "North Atlantic Council", kind: "body", year: 1949, aliases: ["NAC", "the North Atlantic Council"] },
  { name: "Military Committee", kind: "body", aliases: ["NATO Military Committee"] },
  { name: "Nuclear Planning Group", kind: "body" },
  { name: "NATO–Russia Council", kind: "body", year: 2002, aliases: ["NATO-Russia Council"] },
  { name: "NATO–Ukraine Council", kind: "body", year: 2023, aliases: ["NATO-Ukraine Council"] },
  { name: "Euro-Atlantic Partnership Council", kind: "body", year: 1997 },
  { name: "NATO Parliamentary Assembly", kind: "body" },
];
