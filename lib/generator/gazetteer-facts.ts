import type { Fact } from "@/lib/facts/schema";
import { ENLARGEMENT_DAYS, MEMBER_STATES, SECRETARIES_GENERAL, SUMMITS, type MemberState, type Summit } from "./gazetteer-data";

/**
 * Background facts built from the typed gazetteer, for articles that name them without restating them: who
 * held NATO's top post when, when each enlarged ally joined, where each summit met. Each carries the
 * `mentions` that show an article touches it. Written from the data in the project's words; pure.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const monthYear = (yearMonth: string) => `${MONTHS[Number(yearMonth.slice(5, 7)) - 1]} ${yearMonth.slice(0, 4)}`;
const day = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

// "of the Netherlands", "of Spain": country names that take the article in running text.
const countryName = (name: string) => (/^(United|Netherlands|Czech Republic)/.test(name) ? `the ${name}` : name);

const listed = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

function base(id: string, topic: string, document: string, statement: string) {
  return { id, topic, statement, sources: [{ document, support: statement }], status: "confirmed" as const };
}

// Surnames other public figures share: they name a Secretary General only beside the office.
const SHARED_SURNAMES = new Set(["Robertson", "Rasmussen", "Carrington", "Claes", "Scheffer"]);

function secretaryGeneralFacts(): Fact[] {
  const tenure = (index: number) => {
    const holder = SECRETARIES_GENERAL[index]!;
    return holder.to
      ? Number(holder.to.slice(0, 4)) * 12 + Number(holder.to.slice(5, 7)) - Number(holder.from.slice(0, 4)) * 12 - Number(holder.from.slice(5, 7))
      : 0;
  };
  const longest = SECRETARIES_GENERAL.reduce((best, _, index) => (tenure(index) > tenure(best) ? index : best), 0);
  return SECRETARIES_GENERAL.flatMap((holder, index): Fact[] => {
    // The holder in office has richer facts in the fact base; a term with no end has no "from … to …" question.
    if (!holder.to) return [];
    const term = `from ${monthYear(holder.from)} to ${monthYear(holder.to)}`;
    const before = SECRETARIES_GENERAL[index - 1];
    const after = SECRETARIES_GENERAL[index + 1]!;
    // The nearest holders in time: the ones a student could mix up with this one.
    const neighbours = SECRETARIES_GENERAL.filter((other) => other !== holder)
      .sort((a, b) => Math.abs(SECRETARIES_GENERAL.indexOf(a) - index) - Math.abs(SECRETARIES_GENERAL.indexOf(b) - index))
      .slice(0, 3);
    const surname = holder.name.split(" ").at(-1)!;
    const notes = [
      before
        ? `${holder.name} of ${countryName(holder.country)} succeeded ${before.name} and was followed by ${after.name}.`
        : `${holder.name} of ${countryName(holder.country)} was the first Secretary General; he was followed by ${after.name}.`,
      index === longest ? "No Secretary General has served longer." : "",
    ];
    const statement = `${holder.name} of ${countryName(holder.country)} was NATO Secretary General ${term}.`;
    return [
      {
        ...base(`sg-${slug(holder.name)}`, "secretaries-general", "nato-secretary-general-record", statement),
        mentions: [SHARED_SURNAMES.has(surname) ? `${surname} + Secretary General|secretary-general` : surname, holder.name],
        // One event per term: other holders are wrong options here, not answers to the same question.
        context: { event: `term of NATO Secretary General ${term}`, date: holder.from },
        question: `Who was NATO Secretary General ${term}?`,
        answer: { type: "person", text: holder.name, accept: [surname], role: "NATO Secretary General", country: holder.country },
        distractors: neighbours.map((other) => other.name),
        falseStatement: `${neighbours[0]!.name} was NATO Secretary General ${term}.`,
        cloze: `{{${holder.name}}} of ${countryName(holder.country)} was NATO Secretary General ${term}.`,
        explanation: notes.filter(Boolean).join(" "),
        importance: index >= SECRETARIES_GENERAL.length - 3 ? "core" : "detail",
        validAsOf: holder.to,
      },
    ];
  });
}

const ENLARGEMENT_YEARS = Object.keys(ENLARGEMENT_DAYS).map(Number);

/** The enlargement years nearest to this one: real years a student might confuse with it. */
function nearbyEnlargements(year: number): number[] {
  return ENLARGEMENT_YEARS.filter((other) => other !== year)
    .sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b)
    .slice(0, 3)
    .sort((a, b) => a - b);
}

function accessionFacts(alreadyKnown: ReadonlySet<string>): Fact[] {
  return MEMBER_STATES.filter((state) => state.accession > 1949 && !alreadyKnown.has(state.name)).map((state: MemberState): Fact => {
    const companions = MEMBER_STATES.filter((other) => other.accession === state.accession && other !== state).map((other) => other.name);
    const when = ENLARGEMENT_DAYS[state.accession]!;
    const statement = `${state.name} joined NATO in ${state.accession}.`;
    const [wrong] = nearbyEnlargements(state.accession);
    const names = [state.name, ...state.aliases].join("|");
    return {
      ...base(`accession-${slug(state.name)}`, "enlargement", "nato-membership-record", statement),
      mentions: [`${names} + joined|join|joining|accession|acceded|accede|enlargement`],
      context: { event: `${state.name}'s accession to NATO`, place: state.name, date: when },
      question: `In what year did ${state.name} join NATO?`,
      answer: { type: "year", text: String(state.accession), accept: [], value: state.accession },
      distractors: nearbyEnlargements(state.accession).map(String),
      falseStatement: `${state.name} joined NATO in ${wrong}.`,
      cloze: `${state.name} joined NATO in {{${state.accession}}}.`,
      explanation: `Its membership took effect on ${day(when)}${companions.length > 0 ? `, the same day as that of ${listed(companions)}` : ""}.`,
      importance: "core",
      validAsOf: when,
    };
  });
}

const summitWhen = (summit: Summit) => (summit.month ? `${MONTHS[summit.month - 1]} ${summit.year}` : String(summit.year));

function summitFacts(): Fact[] {
  const hosted = SUMMITS.filter((summit): summit is Summit & { city: string } => summit.city !== undefined);
  const hostCount = (city: string) => hosted.filter((summit) => summit.city === city).length;
  return hosted.map((summit): Fact => {
    const when = summitWhen(summit);
    // The nearest summit of each other host city: the ones a student could mix up with this one.
    const nearest = new Map<string, Summit & { city: string }>();
    for (const other of [...hosted].sort((a, b) => Math.abs(a.year - summit.year) - Math.abs(b.year - summit.year) || a.year - b.year))
      if (other.city !== summit.city && !nearest.has(other.city)) nearest.set(other.city, other);
    const closest = [...nearest.values()].slice(0, 3);
    const others = closest.map((other) => other.city);
    const kind = summit.extraordinary ? "extraordinary summit" : "summit";
    const statement = `NATO's ${kind} of ${when} was held in ${summit.city}, ${summit.country}.`;
    // A city that hosted several summits names this one only with its year.
    const named = summit.city === "Newport" ? "Newport|Wales" : summit.city.replace("–", "|");
    const mention = hostCount(summit.city) > 1 ? `${named} + summit + ${summit.year}` : `${named} + summit`;
    const neighbours = [...closest].sort((a, b) => a.year - b.year).map((other) => `${other.city} (${other.year})`);
    return {
      ...base(`summit-${summit.year}-${summit.month ?? 0}-${slug(summit.city)}`, "summits", "nato-summit-record", statement),
      mentions: [mention],
      context: {
        event: `NATO ${kind} of ${when}`,
        place: `${summit.city}, ${summit.country}`,
        date: `${summit.year}${summit.month ? `-${String(summit.month).padStart(2, "0")}` : ""}`,
      },
      question: `Which city hosted NATO's ${kind} of ${when}?`,
      answer: { type: "place", text: summit.city, accept: summit.city === "Washington" ? ["Washington, D.C."] : [] },
      distractors: others,
      falseStatement: `NATO's ${kind} of ${when} was held in ${others[0]}.`,
      cloze: `NATO's ${kind} of ${when} was held in {{${summit.city}}}, ${summit.country}.`,
      explanation: `Summits near that time met in ${listed(neighbours)}.`,
      importance: summit.year >= 2014 ? "core" : "detail",
      validAsOf: String(summit.year),
    };
  });
}

/**
 * Every background fact of the gazetteer. Countries the fact base already asks about (by accession) are left
 * out, so one accession is not asked twice in two wordings.
 */
export function buildGazetteerFacts(countriesWithAccessionFacts: ReadonlySet<string>): Fact[] {
  return [...secretaryGeneralFacts(), ...accessionFacts(countriesWithAccessionFacts), ...summitFacts()];
}
