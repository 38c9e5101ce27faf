import { normalizeKey, tokenize } from "./normalize";
import type { MentionType } from "./types";

/** Entity types the gazetteer knows; numbers, dates and noun phrases come from parsing instead. */
export type EntityType = Extract<MentionType, "person" | "city" | "country" | "region" | "organization" | "command" | "programme" | "term">;

export type GazetteerEntry = {
  canonical: string;
  type: EntityType;
  aliases: readonly string[];
  /** People: the bare surname, so "Rutte" resolves and surname answers get surname distractors. */
  surname?: string;
};

const person = (canonical: string, ...aliases: string[]): GazetteerEntry => ({
  canonical,
  type: "person",
  aliases,
  surname: /\b(?:von|van|de|der|den)\b/.test(canonical) ? canonical.replace(/^\S+\s+/, "") : canonical.split(" ").at(-1),
});
const entry = (type: EntityType, canonical: string, ...aliases: string[]): GazetteerEntry => ({ canonical, type, aliases });
const all = (type: EntityType, names: readonly string[]): GazetteerEntry[] => names.map((name) => entry(type, name));

const NATO_MEMBERS = [
  "Albania",
  "Belgium",
  "Bulgaria",
  "Canada",
  "Croatia",
  "Denmark",
  "Estonia",
  "Finland",
  "France",
  "Germany",
  "Greece",
  "Hungary",
  "Iceland",
  "Italy",
  "Latvia",
  "Lithuania",
  "Luxembourg",
  "Montenegro",
  "North Macedonia",
  "Norway",
  "Poland",
  "Portugal",
  "Romania",
  "Slovakia",
  "Slovenia",
  "Spain",
  "Sweden",
] as const;

/** Officials, states, cities, bodies and programmes a NATO-affairs student meets; also the distractor reserve. */
export const GAZETTEER: readonly GazetteerEntry[] = [
  person("Mark Rutte"),
  person("Jens Stoltenberg"),
  person("Hakan Fidan"),
  person("Recep Tayyip Erdogan", "Erdoğan", "Recep Tayyip Erdoğan"),
  person("Marco Rubio"),
  person("Donald Trump"),
  person("Volodymyr Zelenskyy", "Zelensky", "Volodymyr Zelensky"),
  person("Vladimir Putin"),
  person("Andrii Sybiha"),
  person("Johann Wadephul"),
  person("Kaja Kallas"),
  person("Hadja Lahbib"),
  person("Matthew Whitaker"),
  person("Steve Witkoff"),
  person("Vladimir Medinsky"),
  person("Alexander Fomin"),
  person("Mikhail Galuzin"),
  person("Friedrich Merz"),
  person("Sergey Lavrov"),
  person("Emmanuel Macron"),
  person("Keir Starmer"),
  person("Dick Schoof"),
  person("Ursula von der Leyen"),
  person("Pete Hegseth"),
  ...all("country", NATO_MEMBERS),
  entry("country", "Türkiye", "Turkey", "Turkiye"),
  entry("country", "United States", "U.S.", "USA", "United States of America"),
  entry("country", "United Kingdom", "UK", "Britain", "Great Britain"),
  entry("country", "Netherlands", "The Netherlands"),
  entry("country", "Czechia", "Czech Republic"),
  entry("country", "South Korea", "Republic of Korea"),
  ...all("country", ["Ukraine", "Russia", "China", "Japan", "Australia", "New Zealand", "Qatar", "Saudi Arabia", "Belarus", "Moldova", "Iran"]),
  entry("city", "The Hague", "Hague"),
  entry("city", "Kyiv", "Kiev"),
  ...all("city", [
    "Antalya",
    "Istanbul",
    "Ankara",
    "Izmir",
    "Brussels",
    "Washington",
    "Moscow",
    "Vilnius",
    "Madrid",
    "Warsaw",
    "London",
    "Paris",
    "Berlin",
    "Rome",
    "Riga",
    "Tallinn",
    "Helsinki",
    "Newport",
    "Doha",
    "Riyadh",
  ]),
  entry("region", "Indo-Pacific", "Indo Pacific"),
  entry("region", "Asia-Pacific", "Asia Pacific"),
  entry("region", "Euro-Atlantic area"),
  entry("region", "Middle East"),
  entry("region", "North Africa"),
  entry("region", "Caucasus", "the Caucasus"),
  entry("region", "Baltic Sea"),
  entry("region", "Black Sea"),
  entry("region", "Western Balkans"),
  entry("region", "Arctic", "High North"),
  entry("region", "Sahel"),
  entry("organization", "European Union", "EU"),
  entry("organization", "IP4", "Indo-Pacific Four"),
  entry("organization", "North Atlantic Council"),
  entry("organization", "NATO-Ukraine Council"),
  entry("organization", "Kremlin", "the Kremlin"),
  entry("organization", "U.S. Department of State", "US Department of State", "State Department"),
  entry("organization", "United Nations", "UN"),
  entry("organization", "OSCE"),
  entry("organization", "G7"),
  entry("organization", "NATO Parliamentary Assembly"),
  entry("organization", "NATO Military Committee", "Military Committee"),
  entry("command", "NATO Land Command", "LANDCOM", "Land Command", "NATO Land Command (LANDCOM)"),
  entry("command", "NATO Rapid Deployable Corps", "Rapid Deployable Corps", "NATO Rapid Deployable Corps Headquarters", "Rapid Deployable Corps Headquarters"),
  entry("command", "Allied Air Command", "AIRCOM"),
  entry("command", "Allied Maritime Command", "MARCOM"),
  entry("command", "Joint Force Command Naples"),
  entry("command", "Joint Force Command Brunssum"),
  entry("command", "Allied Command Transformation"),
  entry("programme", "Baltic Sentry"),
  entry("programme", "Baltic Air Policing"),
  entry("programme", "Hague investment plan", "The Hague investment plan", "Hague investment pledge"),
  entry("programme", "Wales investment pledge", "Wales pledge"),
  entry("programme", "Coalition of the Willing"),
  entry("programme", "Minsk Agreement", "Minsk Agreements"),
  entry("programme", "Strategic Concept"),
  entry("programme", "Washington Declaration"),
  entry("programme", "F-35 programme", "F-35 program"),
  entry("programme", "Eurofighter", "Eurofighters"),
  entry("programme", "Hürjet"),
  entry("programme", "Enhanced Forward Presence"),
  entry("programme", "Defence Production Action Plan"),
  entry("programme", "Comprehensive Assistance Package"),
  entry("programme", "Steadfast Defender"),
  entry("term", "burden-sharing", "burden sharing"),
  entry("term", "deterrence"),
  entry("term", "absorption capacity"),
  entry("term", "military mobility"),
  entry("term", "capability targets"),
  entry("term", "capability gaps"),
  entry("term", "core defence spending", "core defense spending"),
  entry("term", "defence-related investments", "defence related investments", "defense-related investments"),
  entry("term", "undersea critical infrastructure", "undersea infrastructure"),
  entry("term", "critical infrastructure"),
  entry("term", "resilience"),
  entry("term", "institutional resilience"),
  entry("term", "collective defence", "collective defense"),
  entry("term", "collective security"),
  entry("term", "interoperability"),
  entry("term", "disinformation"),
  entry("term", "defence industrial base", "defense industrial base"),
  entry("term", "defence industrial production", "defence production"),
  entry("term", "supply chain security"),
  entry("term", "eastern flank"),
  entry("term", "south eastern flank", "southeastern flank"),
  entry("term", "convening power"),
  entry("term", "counterterrorism"),
  entry("term", "terrorism"),
  entry("term", "crisis response"),
  entry("term", "civil defence", "civil defense"),
  entry("term", "cybersecurity"),
  entry("term", "Euro-Atlantic security"),
];

/** Compromise tag that carries each entity type through parsing. */
export const TAG_BY_TYPE: Readonly<Record<EntityType, string>> = {
  person: "Person",
  city: "City",
  country: "Country",
  region: "Region",
  organization: "Organization",
  command: "NatoCommand",
  programme: "Programme",
  term: "KeyTerm",
};

/** Lexicon key as compromise normalizes words: no accents, lowercase, hyphens split into words. */
function toLexiconKey(alias: string): string {
  return normalizeKey(alias).replace(/[-–]/g, " ").replace(/'/g, "").replace(/\s+/g, " ");
}

const ENTRY_BY_KEY = new Map<string, GazetteerEntry>();
for (const item of GAZETTEER) {
  for (const alias of [item.canonical, ...item.aliases, ...(item.surname ? [item.surname] : [])]) {
    const key = toLexiconKey(alias);
    if (!ENTRY_BY_KEY.has(key)) ENTRY_BY_KEY.set(key, item);
  }
}

// American spellings of words the corpus writes the British way; reprints of wire copy switch between them.
const BRITISH_SPELLING: Readonly<Record<string, string>> = {
  defense: "defence",
  offense: "offence",
  center: "centre",
  program: "programme",
  organization: "organisation",
};

// One-word aliases of one-word names ("turkey" → "turkiye"), read off the gazetteer.
const CANONICAL_WORD = new Map<string, string>();
for (const item of GAZETTEER) {
  const [canonical, ...rest] = tokenize(item.canonical);
  if (!canonical || rest.length > 0) continue;
  for (const alias of item.aliases) {
    const words = tokenize(alias);
    if (words.length === 1 && words[0] !== canonical) CANONICAL_WORD.set(words[0]!, canonical);
  }
}

/** A normalized word in the spelling and naming the corpus uses most, so a respelled reprint reads the same. */
export function canonicalWord(word: string): string {
  return CANONICAL_WORD.get(word) ?? BRITISH_SPELLING[word] ?? word;
}

/** Finds the entry an alias names ("Turkey" → Türkiye, "Rutte" → Mark Rutte). */
export function lookupEntry(text: string): GazetteerEntry | undefined {
  const key = toLexiconKey(text.replace(/['’]s$/, ""));
  return ENTRY_BY_KEY.get(key) ?? ENTRY_BY_KEY.get(key.replace(/^the /, ""));
}

/** Compromise lexicon: every alias, keyed the way compromise normalizes terms. */
export function buildLexicon(): Record<string, string> {
  const lexicon: Record<string, string> = {};
  for (const [key, item] of ENTRY_BY_KEY) lexicon[key] = TAG_BY_TYPE[item.type];
  return lexicon;
}

// Office titles as written before names; a person's office is the fact that title conflicts compare.
// Longer titles come first so "Deputy Foreign Minister" is not read as "Foreign Minister".
const OFFICE_TITLES: readonly (readonly [office: string, title: string])[] = [
  ["Secretary of State", "Secretary of State"],
  ["Senator", "Senator"],
  ["Secretary General", "Secretary[- ]General"],
  ["Deputy Defence Minister", "Deputy Defen[cs]e Minister"],
  ["Deputy Foreign Minister", "Deputy Foreign Minister"],
  ["Foreign Minister", "Foreign Minister"],
  ["Defence Minister", "Defen[cs]e Minister"],
  ["Prime Minister", "Prime Minister"],
  ["Minister", "Minister"],
  ["High Representative", "High Representative"],
  ["Ambassador to NATO", "Ambassador to NATO"],
  ["Special Envoy", "[Ss]pecial [Ee]nvoy"],
  ["Chancellor", "Chancellor"],
  ["President", "President"],
  ["Aide", "[Aa]ide"],
];
// Words before a title that belong to it: "U.S.", "NATO", nationality adjectives ("Turkish", "Ukrainian").
const TITLE_MODIFIER = "(?:(?:U\\.S\\.|US|EU|NATO|European Union|Acting|Former|[A-Z][a-z]+(?:an|ish|ese|ian|ch))\\s+)*";
const OFFICE_PATTERNS = OFFICE_TITLES.map(([office, title]) => ({ office, pattern: new RegExp(`${TITLE_MODIFIER}\\b${title}$`) }));

/** The office title written right before a name, with its modifiers ("U.S. Secretary of State"). */
export function findOfficeBefore(textBeforeName: string): { office: string; start: number; written: string } | undefined {
  const before = textBeforeName.trimEnd();
  for (const { office, pattern } of OFFICE_PATTERNS) {
    const match = pattern.exec(before);
    if (match) return { office, start: match.index, written: match[0].trim() };
  }
  return undefined;
}

/** First gazetteer person named in a short line, by canonical name. */
export function findPersonIn(text: string): string | undefined {
  const words = toLexiconKey(text)
    .split(/[^a-z0-9.]+/)
    .filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const found = ENTRY_BY_KEY.get(words.slice(i, i + n).join(" "));
      if (found?.type === "person") return found.canonical;
    }
  }
  return undefined;
}
