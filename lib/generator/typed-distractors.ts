import { sortByHash } from "@/lib/cards/seeded-order";
import { foldWords, optionFitsType } from "@/lib/facts/lint";
import type { AnswerType } from "@/lib/facts/schema";
import {
  COMMANDS_AND_HQ,
  INSTRUMENTS,
  MEMBER_STATES,
  MINISTERIAL_MEETINGS,
  OFFICIALS,
  OTHER_CITIES,
  PARTNERS,
  PERSON_ALIASES,
  RIVALS,
  SUMMITS,
  type Command,
  type Country,
  type Instrument,
  type Official,
  type Role,
} from "./gazetteer-data";

/**
 * Typed wrong options (card rubric R5): the answer is classified against the NATO gazetteer, the stem is read
 * for the attributes it implies (a nationality, an office, a summit, a date), and options are drawn only from
 * entries of the same class that share those attributes. An option that could be true for the question, that
 * the stem already shows, or that the caller excludes is never offered; fewer options are returned instead.
 */
export type TypedDistractorInput = {
  answer: string;
  answerType: AnswerType;
  stem: string;
  /** Seeds the deterministic order; the fact id is a good seed. */
  seed: string;
  /** Other texts that must not be offered (accepted answers, answers of sibling questions). */
  exclude?: readonly string[];
  count?: number;
};

export type AnswerClass = "person" | "city" | "country" | "year" | "percent" | "money" | "number" | "date" | "article" | "instrument" | "command" | "unknown";

/** A candidate option: `key` identifies the entity, `names` are every way of writing it, lower tiers come first. */
type Candidate = { key: string; text: string; names: readonly string[]; tier: number };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTH_PATTERN = MONTHS.join("|");

// ---------------------------------------------------------------- countries

type CountryEntry = Country & { status: "member" | "partner" | "rival"; accession?: number; region?: string; group?: string };

const COUNTRIES: readonly CountryEntry[] = [
  ...MEMBER_STATES.map((state) => ({ ...state, status: "member" as const })),
  ...PARTNERS.map((state) => ({ ...state, status: "partner" as const })),
  ...RIVALS.map((state) => ({ ...state, status: "rival" as const })),
];

const countryNames = (country: Country) => [country.name, ...country.aliases];

function findCountry(text: string): CountryEntry | undefined {
  const folded = foldWords(text).replace(/^the /, "");
  return COUNTRIES.find((country) => countryNames(country).some((name) => foldWords(name).replace(/^the /, "") === folded));
}

/** Countries the stem names by name, alias, possessive or adjective, with where each is first named. */
const COUNTRY_PATTERNS = COUNTRIES.map((country) => ({
  country,
  patterns: [...countryNames(country), ...country.adjectives].map(
    (word) => new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:['’]s)?(?![\\p{L}])`, "u"),
  ),
}));

function countriesInStem(stem: string): { country: CountryEntry; index: number }[] {
  const found: { country: CountryEntry; index: number }[] = [];
  for (const { country, patterns } of COUNTRY_PATTERNS) {
    let first = -1;
    for (const pattern of patterns) {
      const match = pattern.exec(stem);
      if (match && (first < 0 || match.index < first)) first = match.index;
    }
    if (first >= 0) found.push({ country, index: first });
  }
  return found;
}

// ---------------------------------------------------------------- stem dates

type Period = { start: string; end: string };
const pad = (n: number) => String(n).padStart(2, "0");

/** Month-precise periods the stem names ("May 2025" → 2025-05; a bare "2025" → the whole year). */
function stemPeriods(stem: string): Period[] {
  const periods: Period[] = [];
  const withMonth = new RegExp(`\\b(${MONTH_PATTERN})\\s+(\\d{4})\\b`, "g");
  const covered = new Set<number>();
  for (const match of stem.matchAll(withMonth)) {
    const month = pad(MONTHS.indexOf(match[1]!) + 1);
    periods.push({ start: `${match[2]}-${month}`, end: `${match[2]}-${month}` });
    covered.add(match.index + match[0].length - 4);
  }
  for (const match of stem.matchAll(/\b(19[4-9]\d|20\d\d)\b/g)) {
    if (!covered.has(match.index)) periods.push({ start: `${match[1]}-01`, end: `${match[1]}-12` });
  }
  return periods;
}

const stemYears = (stem: string) => [...stem.matchAll(/\b(19[4-9]\d|20\d\d)\b/g)].map((match) => Number(match[1]));

// ---------------------------------------------------------------- cities

type CityEntry = { name: string; country: string; names: string[] };

const CITIES: readonly CityEntry[] = (() => {
  const byKey = new Map<string, CityEntry>();
  const add = (name: string, country: string, aliases: readonly string[] = []) => {
    const key = foldWords(name);
    const existing = byKey.get(key);
    if (existing) {
      for (const alias of aliases) if (!existing.names.includes(alias)) existing.names.push(alias);
    } else byKey.set(key, { name, country, names: [name, ...aliases] });
  };
  for (const other of OTHER_CITIES) add(other.name, other.country, other.aliases);
  for (const summit of SUMMITS) if (summit.city) add(summit.city, summit.country);
  for (const meeting of MINISTERIAL_MEETINGS) add(meeting.city, meeting.country);
  for (const command of COMMANDS_AND_HQ) add(command.city, command.country);
  for (const state of MEMBER_STATES) if (state.capital) add(state.capital, state.name);
  return [...byKey.values()];
})();

const RIVAL_CITIES = new Set(RIVALS.flatMap((rival) => (rival.capital ? [foldWords(rival.capital)] : [])).concat(["doha", "riyadh"]));

function findCity(text: string): CityEntry | undefined {
  const folded = foldWords(text.replace(/,\s*(?!D\.?C\.?$)[^,]+$/, "")).replace(/^the (?!hague)/, "");
  const exact = foldWords(text);
  return CITIES.find((city) => city.names.some((name) => [folded, exact].includes(foldWords(name))));
}

const SUMMIT_CITIES = new Set(SUMMITS.flatMap((summit) => (summit.city ? [foldWords(summit.city)] : [])));
const MINISTERIAL_CITIES = new Set(MINISTERIAL_MEETINGS.map((meeting) => foldWords(meeting.city)));
const HQ_CITIES = new Set(COMMANDS_AND_HQ.map((command) => foldWords(command.city)));
const CAPITALS = new Set(MEMBER_STATES.flatMap((state) => (state.capital ? [foldWords(state.capital)] : [])));
const TOP_LEVEL: ReadonlySet<Command["kind"]> = new Set(["headquarters", "strategic command", "joint force command"]);
/** Cities of headquarters at the answer city's level (political and strategic, or component and corps). */
function hqCitiesAtLevel(cityKey: string): Set<string> {
  const levels = new Set(COMMANDS_AND_HQ.filter((command) => foldWords(command.city) === cityKey).map((command) => TOP_LEVEL.has(command.kind)));
  return new Set(COMMANDS_AND_HQ.filter((command) => levels.has(TOP_LEVEL.has(command.kind))).map((command) => foldWords(command.city)));
}

function cityCandidates(answer: CityEntry, stem: string): Candidate[] {
  const key = foldWords(answer.name);
  const stemCountries = countriesInStem(stem).map((found) => found.country.name);
  const hardCountry = stemCountries.includes(answer.country) ? answer.country : undefined;
  const periods = stemPeriods(stem);
  const isSummit = /\bsummit\b/i.test(stem) && SUMMIT_CITIES.has(key);
  const isMinisterial = /\bminister(s|ial)?\b/i.test(stem) && MINISTERIAL_CITIES.has(key);
  const isHq = /headquarter|\bbased\b|\bseat\b|\bcommand\b/i.test(stem) && HQ_CITIES.has(key);

  // A summit city that also hosted a summit in a period the stem names could be true too.
  const summitInStemPeriod = new Set(
    SUMMITS.filter((summit) => summit.city && periods.some((period) => summitWithin(summit.year, summit.month, period))).map((summit) =>
      foldWords(summit.city!),
    ),
  );
  const answerYears = SUMMITS.filter((summit) => summit.city && foldWords(summit.city) === key).map((summit) => summit.year);
  const referenceYear = stemYears(stem)[0] ?? answerYears.at(-1) ?? 2025;
  const nearestSummitGap = (cityKey: string) =>
    Math.min(...SUMMITS.filter((summit) => summit.city && foldWords(summit.city) === cityKey).map((summit) => Math.abs(summit.year - referenceYear)));

  const sameLevelHq = hqCitiesAtLevel(key);
  const answerIsCapital = CAPITALS.has(key);
  const candidates: Candidate[] = [];
  for (const city of CITIES) {
    const cityKey = foldWords(city.name);
    if (RIVAL_CITIES.has(cityKey)) continue;
    if (hardCountry && city.country !== hardCountry) continue;
    let tier: number;
    if (isSummit) {
      if (!SUMMIT_CITIES.has(cityKey) || summitInStemPeriod.has(cityKey)) continue;
      tier = nearestSummitGap(cityKey) <= 12 ? 0 : 1;
    } else if (isMinisterial) {
      tier = MINISTERIAL_CITIES.has(cityKey) ? 0 : SUMMIT_CITIES.has(cityKey) || city.country === answer.country ? 1 : CAPITALS.has(cityKey) ? 2 : 3;
    } else if (isHq) {
      tier = sameLevelHq.has(cityKey) ? 0 : HQ_CITIES.has(cityKey) ? 1 : city.country === answer.country ? 2 : 3;
    } else if (answerIsCapital && !hardCountry) {
      tier = CAPITALS.has(cityKey) ? 0 : city.country === answer.country ? 1 : SUMMIT_CITIES.has(cityKey) ? 2 : 3;
    } else {
      tier = city.country === answer.country ? 0 : CAPITALS.has(cityKey) ? 1 : SUMMIT_CITIES.has(cityKey) ? 2 : 3;
    }
    candidates.push({ key: `city:${cityKey}`, text: city.name, names: city.names, tier });
  }
  return candidates;
}

function summitWithin(year: number, month: number | undefined, period: Period): boolean {
  const start = `${year}-${pad(month ?? 1)}`;
  const end = `${year}-${pad(month ?? 12)}`;
  return start <= period.end && end >= period.start;
}

// ---------------------------------------------------------------- countries as options

const ACCESSION_THEME = /\b(join|joined|joining|accession|accede|acceded|enlargement|became [^?]*member|member since)\b/i;

const SUMMIT_HOSTS = new Set(SUMMITS.map((summit) => summit.country));

function countryCandidates(answer: CountryEntry, stem: string): Candidate[] {
  const accessionTheme = ACCESSION_THEME.test(stem);
  const summitTheme = /\bsummit\b/i.test(stem) && SUMMIT_HOSTS.has(answer.name);
  const candidates: Candidate[] = [];
  for (const country of COUNTRIES) {
    if (country.status !== answer.status) continue;
    let tier: number;
    if (answer.status === "member") {
      // Another ally that joined the same year could be true for an accession question.
      if (accessionTheme && country.accession === answer.accession) continue;
      tier = accessionTheme
        ? Math.min(3, Math.floor(Math.abs((country.accession ?? 0) - (answer.accession ?? 0)) / 10))
        : summitTheme
          ? SUMMIT_HOSTS.has(country.name)
            ? 0
            : 1
          : country.region === answer.region
            ? 0
            : 1;
    } else if (answer.status === "partner") {
      tier = country.group === answer.group ? 0 : 1;
    } else tier = 0;
    candidates.push({ key: `country:${foldWords(country.name)}`, text: country.name, names: [...countryNames(country), ...country.adjectives], tier });
  }
  return candidates;
}

// ---------------------------------------------------------------- people

type RolePhrase = { roles: readonly Role[]; pattern: RegExp; hard: boolean };

const ROLE_PHRASES: readonly RolePhrase[] = [
  { roles: ["deputy secretary general"], pattern: /deputy secretary[- ]general/i, hard: true },
  { roles: ["secretary general"], pattern: /secretary[- ]general/i, hard: true },
  { roles: ["secretary of state"], pattern: /secretary of state\b/i, hard: true },
  { roles: ["foreign minister", "secretary of state"], pattern: /foreign (minister|secretary)\b|minister (of|for) foreign affairs\b/i, hard: true },
  { roles: ["defence minister"], pattern: /defen[cs]e (minister|secretary)\b|secretary of (defen[cs]e|war)\b|minister of defen[cs]e\b/i, hard: true },
  { roles: ["head of government"], pattern: /prime minister\b|\bchancellor\b|\bpremier\b/i, hard: true },
  { roles: ["head of state"], pattern: /\bpresident\b(?! of the (European|Council))/i, hard: true },
  { roles: ["head of state", "head of government"], pattern: /\bleader\b/i, hard: true },
  { roles: ["ambassador to NATO"], pattern: /\bambassador\b|permanent representative/i, hard: true },
  { roles: ["EU high representative"], pattern: /high representative/i, hard: true },
  { roles: ["special envoy"], pattern: /\benvoy\b/i, hard: true },
  { roles: ["presidential aide"], pattern: /\baide\b/i, hard: false },
  { roles: ["press secretary"], pattern: /press secretary|spokes(man|woman|person)\b/i, hard: false },
  { roles: ["foreign minister", "defence minister", "head of government"], pattern: /\bminister\b/i, hard: true },
];

/** Offices held by one person at a time: anyone else who held it in a period the stem names could be the answer. */
const SINGLE_HOLDER: ReadonlySet<Role> = new Set([
  "secretary general",
  "deputy secretary general",
  "foreign minister",
  "secretary of state",
  "defence minister",
  "head of government",
  "head of state",
  "ambassador to NATO",
  "EU high representative",
  "head of presidential office",
]);
/** Offices that belong to an organisation, not to the holder's country. */
const SUPRANATIONAL: ReadonlySet<Role> = new Set(["secretary general", "deputy secretary general", "EU high representative"]);

const namesOfPerson = (name: string) => [name, ...(PERSON_ALIASES[name] ?? [])];
const surnameOf = (name: string) => name.split(/\s+/).at(-1) ?? name;

function findPerson(text: string): { offices: Official[]; surnameOnly: boolean } | undefined {
  const folded = foldWords(text);
  const offices = OFFICIALS.filter((official) => namesOfPerson(official.name).some((name) => foldWords(name) === folded));
  if (offices.length > 0) return { offices, surnameOnly: false };
  const bySurname = OFFICIALS.filter((official) => foldWords(surnameOf(official.name)) === folded);
  const people = new Set(bySurname.map((official) => official.name));
  return people.size === 1 ? { offices: bySurname, surnameOnly: true } : undefined;
}

const overlaps = (office: Official, period: Period) => (office.from ?? "0000") <= period.end && (office.to ?? "9999-12") >= period.start;

function personCandidates(offices: readonly Official[], stem: string, surnameOnly: boolean): Candidate[] {
  const periods = stemPeriods(stem);
  const roleMatches = ROLE_PHRASES.flatMap((phrase) => {
    const match = phrase.pattern.exec(stem);
    return match ? [{ phrase, index: match.index }] : [];
  });
  // The office the stem asks about: one its phrases name, held in a period it names, else the first named.
  const named = offices.flatMap((office) => roleMatches.filter(({ phrase }) => phrase.roles.includes(office.role)).map((match) => ({ office, ...match })));
  named.sort((a, b) => Number(periods.some((p) => overlaps(b.office, p))) - Number(periods.some((p) => overlaps(a.office, p))) || a.index - b.index);
  const chosen = named[0];
  const office =
    chosen?.office ??
    [...offices].sort(
      (a, b) => Number(periods.some((p) => overlaps(b, p))) - Number(periods.some((p) => overlaps(a, p))) || (b.from ?? "").localeCompare(a.from ?? ""),
    )[0]!;
  const roleIsHard = chosen?.phrase.hard ?? false;
  const roles: readonly Role[] = roleIsHard ? chosen!.phrase.roles : [office.role];

  const stemCountries = countriesInStem(stem);
  const adjacent = chosen ? stemCountries.filter(({ index }) => index < chosen.index && chosen.index - index <= 30) : [];
  const hardCountry =
    adjacent.at(-1)?.country.name ??
    (!SUPRANATIONAL.has(office.role) && stemCountries.some(({ country }) => country.name === office.country) ? office.country : undefined);

  const answerNames = new Set(offices.map((entry) => entry.name));
  // Another holder of the same single-holder office in a period the stem names could be the right answer.
  const mayBeTrue = new Set(
    OFFICIALS.filter(
      (other) =>
        SINGLE_HOLDER.has(office.role) && other.role === office.role && other.country === office.country && periods.some((period) => overlaps(other, period)),
    ).map((other) => other.name),
  );
  const contemporary = (other: Official) => periods.some((period) => overlaps(other, period));
  const yearOf = (month?: string) => Number(month?.slice(0, 4) ?? Number.NaN);
  // Holders of the same office far from the answer's own term are less plausible; they come after closer ones.
  const distant = (other: Official) => Math.abs(yearOf(other.from) - yearOf(office.from)) > 20;

  const best = new Map<string, Candidate>();
  for (const other of OFFICIALS) {
    if (answerNames.has(other.name) || mayBeTrue.has(other.name)) continue;
    if (hardCountry && other.country !== hardCountry) continue;
    const sameRole = roles.includes(other.role);
    if (roleIsHard && !sameRole) continue;
    const sameCountry = SUPRANATIONAL.has(office.role) || other.country === office.country;
    let tier: number;
    if (sameRole && sameCountry) tier = distant(other) ? 0.5 : 0;
    else if (sameRole) tier = contemporary(other) ? 1 : 2;
    else if (sameCountry) tier = periods.length === 0 || contemporary(other) ? 3 : 4;
    else continue;
    const text = surnameOnly ? surnameOf(other.name) : other.name;
    const candidate: Candidate = { key: `person:${foldWords(other.name)}`, text, names: [...namesOfPerson(other.name), surnameOf(other.name)], tier };
    const existing = best.get(candidate.key);
    if (!existing || existing.tier > tier) best.set(candidate.key, candidate);
  }
  return [...best.values()];
}

// ---------------------------------------------------------------- numbers

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const BOUND = "(about |around |roughly |more than |over |up to |at least |nearly |almost )?";

function formatPlain(value: number, decimals: number, commas: boolean): string {
  const fixed = decimals > 0 ? value.toFixed(decimals) : String(Math.round(value));
  return commas ? fixed.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : fixed;
}

/** A round number near `value` (two significant figures), or undefined when it is not a whole number. */
function niceRound(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

function nearbyWholeNumbers(value: number): number[] {
  if (value <= 12) return [-3, -2, -1, 1, 2, 3, 4].map((offset) => value + offset).filter((n) => n > 0);
  if (value <= 50 && value % 10 !== 0) return [-5, -3, -2, -1, 1, 2, 3, 5].map((offset) => value + offset);
  return [0.2, 0.5, 1.5, 2, 3, 5].map((factor) => niceRound(value * factor)).filter((n) => n > 0 && n !== value);
}

function numberCandidates(answer: string): Candidate[] {
  const match = new RegExp(`^${BOUND}(?:(\\d{1,3}(?:,\\d{3})+|\\d+)|(${NUMBER_WORDS.slice(1).join("|")}))(?:\\s+([a-z][a-z -]*))?$`, "i").exec(answer.trim());
  if (!match) return [];
  const [, bound = "", digits, word, unit] = match;
  const value = digits ? Number(digits.replace(/,/g, "")) : NUMBER_WORDS.indexOf(word!.toLowerCase());
  const commas = Boolean(digits?.includes(",")) || value >= 10_000;
  const countable = unit && !/^(thousand|million|billion|trillion)$/i.test(unit);
  const unitFor = (n: number) => {
    if (!unit) return "";
    if (!countable) return ` ${unit}`;
    const singular = unit.replace(/s$/i, "");
    return ` ${n === 1 ? singular : unit.endsWith("s") ? unit : `${unit}s`}`;
  };
  return nearbyWholeNumbers(value).map((n) => {
    const shown = word && n <= 12 ? NUMBER_WORDS[n]! : formatPlain(n, 0, commas);
    const text = `${bound}${shown}${unitFor(n)}`;
    // Small counts: the nearest values first ("31" or "33" allies, not "27").
    const tier = value > 12 && value <= 50 && value % 10 !== 0 && Math.abs(n - value) > 2 ? 1 : 0;
    return { key: `number:${n}`, text, names: [text, String(n)], tier };
  });
}

function percentCandidates(answer: string): Candidate[] {
  const match = new RegExp(`^${BOUND}(\\d+(?:\\.(\\d+))?)\\s?(?:%|percent)$`, "i").exec(answer.trim());
  if (!match) return [];
  const [, bound = "", digits, fraction] = match;
  const value = Number(digits);
  const decimals = fraction?.length ?? 0;
  let values: number[];
  if (decimals >= 2) values = [-1.16, -0.71, -0.29, 0.36, 0.57, 1.22].map((offset) => value + offset);
  else if (decimals === 1) values = [-1.5, -1, -0.5, 0.5, 1, 1.5].map((offset) => value + offset);
  else if (value <= 10) values = [-3, -2, -1, 1, 2, 3].map((offset) => value + offset);
  else values = [0.5, 0.67, 0.75, 1.25, 1.5, 2].map((factor) => Math.round((value * factor) / 5) * 5 || Math.round(value * factor));
  return values
    .filter((n) => n > 0 && n <= 100 && Math.abs(n - value) > 1e-9)
    .map((n) => {
      const shown = decimals >= 2 ? n.toFixed(decimals) : String(Number(n.toFixed(1)));
      const text = `${bound}${shown}%`;
      return { key: `percent:${shown}`, text, names: [text, `${shown}%`], tier: 0 };
    });
}

function moneyCandidates(answer: string): Candidate[] {
  const match = new RegExp(`^${BOUND}([€$£])\\s?(\\d+(?:\\.\\d+)?)\\s*(billion|million|trillion)?$`, "i").exec(answer.trim());
  if (!match) return [];
  const [, bound = "", currency, digits, scale] = match;
  const value = Number(digits);
  return [0.25, 0.5, 1.5, 2, 2.5, 5]
    .map((factor) => niceRound(value * factor))
    .filter((n) => n > 0 && n !== value)
    .map((n) => {
      const text = `${bound}${currency}${n}${scale ? ` ${scale}` : ""}`;
      return { key: `money:${n}`, text, names: [text], tier: 0 };
    });
}

function yearCandidates(answer: number, stem: string): Candidate[] {
  const years = stemYears(stem);
  const latest = Math.max(...years);
  const earliest = Math.min(...years);
  return (
    [-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6]
      .map((offset) => answer + offset)
      .filter((year) => !(answer >= 1949 && year < 1949))
      // A deadline after every year the stem names gets options after them too; a past year, options before them.
      .filter((year) => (years.length === 0 ? true : answer > latest ? year > latest : answer < earliest ? year < earliest : true))
      .map((year) => ({ key: `year:${year}`, text: String(year), names: [String(year)], tier: Math.abs(year - answer) <= 4 ? 0 : 1 }))
  );
}

// ---------------------------------------------------------------- dates

const DAY_MS = 86_400_000;

function dateCandidates(answer: string, stem: string): Candidate[] {
  const dayFirst = new RegExp(`^(\\d{1,2})(?:\\s*([–-])\\s*(\\d{1,2}))? (${MONTH_PATTERN}) (\\d{4})$`).exec(answer.trim());
  const monthOnly = new RegExp(`^(${MONTH_PATTERN}) (\\d{4})$`).exec(answer.trim());
  const keepYear = stemYears(stem);
  const format = (start: Date, length: number, dash: string): string | undefined => {
    const end = new Date(start.getTime() + length * DAY_MS);
    if (end.getUTCMonth() !== start.getUTCMonth()) return undefined;
    const days = length > 0 ? `${start.getUTCDate()}${dash}${end.getUTCDate()}` : `${start.getUTCDate()}`;
    return `${days} ${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
  };
  const texts: { text: string; year: number; tier: number }[] = [];
  if (dayFirst) {
    const [, first, dash = "–", last, monthName, yearText] = dayFirst;
    const year = Number(yearText);
    const month = MONTHS.indexOf(monthName!);
    const start = Date.UTC(year, month, Number(first));
    if (new Date(start).getUTCMonth() !== month) return [];
    const length = last ? Number(last) - Number(first) : 0;
    if (length < 0) return [];
    const dayShifts = length > 0 ? [-21, -14, -7, 7, 14, 21] : [-3, -2, -1, 1, 2, 7, -7, 14];
    for (const shift of dayShifts) {
      const text = format(new Date(start + shift * DAY_MS), length, dash);
      if (text) texts.push({ text, year: new Date(start + shift * DAY_MS).getUTCFullYear(), tier: 0 });
    }
    for (const monthShift of [-1, 1, -2, 2]) {
      const shifted = new Date(Date.UTC(year, month + monthShift, Number(first)));
      if (shifted.getUTCDate() !== Number(first)) continue;
      const text = format(shifted, length, dash);
      if (text) texts.push({ text, year: shifted.getUTCFullYear(), tier: 1 });
    }
    if (length === 0) for (const yearShift of [-1, 1]) texts.push({ text: `${first} ${monthName} ${year + yearShift}`, year: year + yearShift, tier: 2 });
  } else if (monthOnly) {
    const year = Number(monthOnly[2]);
    const month = MONTHS.indexOf(monthOnly[1]!);
    for (const shift of [-3, -2, -1, 1, 2, 3]) {
      const shifted = new Date(Date.UTC(year, month + shift, 1));
      texts.push({ text: `${MONTHS[shifted.getUTCMonth()]} ${shifted.getUTCFullYear()}`, year: shifted.getUTCFullYear(), tier: Math.abs(shift) > 1 ? 1 : 0 });
    }
  }
  const answerYear = Number(/\d{4}$/.exec(answer.trim())?.[0]);
  return texts
    .filter(({ year }) => !keepYear.includes(answerYear) || year === answerYear)
    .map(({ text, tier }) => ({ key: `date:${foldWords(text)}`, text, names: [text], tier }));
}

// ---------------------------------------------------------------- articles, instruments, commands

function articleNumber(text: string): number | undefined {
  const match = /^(?:the )?(?:Article|Art\.)\s*(\d+|[IVX]+)$/i.exec(text.trim());
  if (!match) return undefined;
  const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10, XI: 11, XII: 12, XIII: 13, XIV: 14 };
  return /^\d+$/.test(match[1]!) ? Number(match[1]) : roman[match[1]!.toUpperCase()];
}

function articleCandidates(answer: number): Candidate[] {
  return INSTRUMENTS.filter((instrument) => instrument.kind === "article")
    .map((instrument) => ({ instrument, n: articleNumber(instrument.name)! }))
    .filter(({ n }) => n !== answer)
    .map(({ instrument, n }) => ({
      key: `article:${n}`,
      text: instrument.name,
      names: [instrument.name, `Art. ${n}`],
      tier: Math.abs(n - answer) <= 5 ? 0 : 1,
    }));
}

const instrumentNames = (instrument: Instrument) => [instrument.name, ...(instrument.aliases ?? [])];
const findInstrument = (text: string) =>
  INSTRUMENTS.find((instrument) => instrument.kind !== "article" && instrumentNames(instrument).some((name) => foldWords(name) === foldWords(text)));
const INSTRUMENT_FAMILY = { target: "commitment", pledge: "commitment", plan: "commitment", operation: "operation", body: "body", article: "article" } as const;

function instrumentCandidates(answer: Instrument): Candidate[] {
  const numbered = /\d/.test(answer.name);
  return INSTRUMENTS.filter(
    (other) => other !== answer && INSTRUMENT_FAMILY[other.kind] === INSTRUMENT_FAMILY[answer.kind] && /\d/.test(other.name) === numbered,
  ).map((other) => ({ key: `instrument:${foldWords(other.name)}`, text: other.name, names: instrumentNames(other), tier: other.kind === answer.kind ? 0 : 1 }));
}

type CommandShape = "name" | "abbreviation" | "both";

function findCommand(text: string): { command: Command; shape: CommandShape } | undefined {
  const folded = foldWords(text);
  for (const command of COMMANDS_AND_HQ) {
    if (foldWords(command.name) === folded) return { command, shape: "name" };
    if (command.abbreviation && foldWords(command.abbreviation) === folded) return { command, shape: "abbreviation" };
    if (command.abbreviation && foldWords(`${command.name} (${command.abbreviation})`) === folded) return { command, shape: "both" };
  }
  return undefined;
}

function commandCandidates(answer: Command, shape: CommandShape): Candidate[] {
  return COMMANDS_AND_HQ.filter((other) => other !== answer && other.to === undefined && (shape === "name" || other.abbreviation)).map((other) => {
    const text = shape === "name" ? other.name : shape === "abbreviation" ? other.abbreviation! : `${other.name} (${other.abbreviation})`;
    return {
      key: `command:${foldWords(other.name)}`,
      text,
      names: [other.name, ...(other.abbreviation ? [other.abbreviation] : []), text],
      tier: other.kind === answer.kind ? 0 : 1,
    };
  });
}

// ---------------------------------------------------------------- classification and picking

type Classified = { kind: AnswerClass; candidates: (stem: string) => Candidate[]; keys: string[] };

/** The gazetteer class of an answer and how to draw its options; "unknown" when the gazetteer cannot vouch for any. */
function classify(answer: string, answerType: AnswerType): Classified {
  const text = answer.trim();
  const none: Classified = { kind: "unknown", candidates: () => [], keys: [] };
  if (answerType === "year" || (/^\d{4}$/.test(text) && answerType !== "number")) {
    if (!/^\d{4}$/.test(text)) return none;
    return { kind: "year", candidates: (stem) => yearCandidates(Number(text), stem), keys: [`year:${text}`] };
  }
  if (answerType === "percent") return { kind: "percent", candidates: () => percentCandidates(text), keys: [] };
  if (answerType === "money") return { kind: "money", candidates: () => moneyCandidates(text), keys: [] };
  if (answerType === "date") return { kind: "date", candidates: (stem) => dateCandidates(text, stem), keys: [`date:${foldWords(text)}`] };
  if (answerType === "number") return { kind: "number", candidates: () => numberCandidates(text), keys: [] };
  if (answerType === "person") {
    const person = findPerson(text);
    if (!person) return none;
    return {
      kind: "person",
      candidates: (stem) => personCandidates(person.offices, stem, person.surnameOnly),
      keys: [`person:${foldWords(person.offices[0]!.name)}`],
    };
  }
  const article = articleNumber(text);
  if (article !== undefined) return { kind: "article", candidates: () => articleCandidates(article), keys: [`article:${article}`] };
  if (answerType === "place") {
    const country = findCountry(text);
    if (country) return { kind: "country", candidates: (stem) => countryCandidates(country, stem), keys: [`country:${foldWords(country.name)}`] };
    const city = findCity(text);
    if (city) return { kind: "city", candidates: (stem) => cityCandidates(city, stem), keys: [`city:${foldWords(city.name)}`] };
  }
  const instrument = findInstrument(text);
  if (instrument) return { kind: "instrument", candidates: () => instrumentCandidates(instrument), keys: [`instrument:${foldWords(instrument.name)}`] };
  const command = findCommand(text);
  if (command)
    return { kind: "command", candidates: () => commandCandidates(command.command, command.shape), keys: [`command:${foldWords(command.command.name)}`] };
  return none;
}

/** The gazetteer class the picker reads an answer as (exported for tests and for callers that want to know). */
export function classifyAnswer(answer: string, answerType: AnswerType): AnswerClass {
  return classify(answer, answerType).kind;
}

/** Entity keys an excluded text stands for, so excluding "Turkey" also keeps out "Türkiye". */
function keysOf(text: string): string[] {
  const keys: string[] = [];
  const country = findCountry(text);
  if (country) keys.push(`country:${foldWords(country.name)}`);
  const city = findCity(text);
  if (city) keys.push(`city:${foldWords(city.name)}`);
  const person = findPerson(text);
  if (person && !person.surnameOnly) keys.push(`person:${foldWords(person.offices[0]!.name)}`);
  const article = articleNumber(text);
  if (article !== undefined) keys.push(`article:${article}`);
  if (/^\d{4}$/.test(text.trim())) keys.push(`year:${text.trim()}`);
  const instrument = findInstrument(text);
  if (instrument) keys.push(`instrument:${foldWords(instrument.name)}`);
  const command = findCommand(text);
  if (command) keys.push(`command:${foldWords(command.command.name)}`);
  return keys;
}

/** A number a text writes, for comparing "1,000" with "1000 people" and "5%" with "5 percent". */
function numericValue(text: string): number | undefined {
  const words = foldWords(text);
  const match = /(?:^|\s)(\d+(?:[.,]\d+)*)(?:\s|%|$)/.exec(words);
  if (match) return Number(match[1]!.replace(/,/g, ""));
  const word = NUMBER_WORDS.findIndex((name) => new RegExp(`^(a |about |more than |up to |at least )?${name}\\b`).test(words));
  return word > 0 ? word : undefined;
}

/**
 * Up to `count` wrong options of the answer's class that share the attributes the stem implies, ordered
 * deterministically by `seed`. Never the answer (in any spelling the gazetteer knows), an `exclude` entry,
 * or an option the stem already shows; fewer options, possibly none, rather than an unfair one.
 */
export function pickTypedDistractors(input: TypedDistractorInput): string[] {
  const { answer, answerType, stem, seed, exclude = [], count = 3 } = input;
  const classified = classify(answer, answerType);
  if (classified.kind === "unknown" || count <= 0) return [];
  const numeric = ["year", "percent", "money", "number"].includes(classified.kind);
  const refused = [answer, ...exclude];
  const refusedKeys = new Set([...classified.keys, ...refused.flatMap(keysOf)]);
  const refusedTexts = new Set(refused.map(foldWords));
  const refusedValues = new Set(numeric ? refused.flatMap((text) => numericValue(text) ?? []) : []);

  const foldedStem = ` ${foldWords(stem)} `;
  const inStem = (name: string) => {
    const folded = foldWords(name);
    return folded.length > 0 && foldedStem.includes(` ${folded} `);
  };
  const fair = (candidate: Candidate) => {
    if (refusedKeys.has(candidate.key)) return false;
    if (candidate.names.some((name) => refusedTexts.has(foldWords(name)))) return false;
    if (numeric && refusedValues.has(numericValue(candidate.text) ?? Number.NaN)) return false;
    if (candidate.names.some(inStem)) return false;
    return optionFitsType(candidate.text, answerType);
  };

  const chosen: string[] = [];
  const seen = new Set<string>();
  const ordered = sortByHash(classified.candidates(stem), `${seed}\u241f${answer}`, (candidate) => candidate.key).sort((a, b) => a.tier - b.tier);
  for (const candidate of ordered) {
    if (chosen.length === count) break;
    if (seen.has(candidate.key) || seen.has(foldWords(candidate.text)) || !fair(candidate)) continue;
    seen.add(candidate.key).add(foldWords(candidate.text));
    chosen.push(candidate.text);
  }
  return chosen;
}
