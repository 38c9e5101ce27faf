import { findDates } from "./dates";
import { GAZETTEER } from "./gazetteer";

/** What an article is about: the event, its place and date. Every candidate's stem carries it. */
export type ContextFrame = { event: string; place?: string; date?: string };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "BRUSSELS (ALETIHAD)", "ANKARA", "BRUSSELS —" and "Brussels, 3 April (Reuters) –" open news reports. */
const DATELINE = /^\s*([A-Z][A-Za-zÀ-ž'’ .-]{2,30}?)(?:,\s*[A-Za-z0-9 ]+)?\s*(?:\([^)]{1,40}\))?\s*(?:[—–-]|$)/;

const CITIES = GAZETTEER.filter((entry) => entry.type === "city").flatMap((entry) => [entry.canonical, ...entry.aliases]);

function titleCase(word: string): string {
  return word
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((part) => (part.trim() && part !== "-" ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join("");
}

function findDateline(lines: readonly string[]): string | undefined {
  for (const line of lines.slice(0, 6)) {
    const match = DATELINE.exec(line);
    const city = match?.[1]?.trim();
    // A dateline is in capitals or a known city; a heading in title case is not one.
    if (city && (city === city.toUpperCase() || CITIES.includes(city)) && city.split(/\s+/).length <= 3 && /[A-Z]{3}|^[A-Z][a-z]/.test(city)) {
      const name = titleCase(city);
      if (CITIES.some((known) => known.toLowerCase() === name.toLowerCase())) return CITIES.find((known) => known.toLowerCase() === name.toLowerCase());
      if (city === city.toUpperCase()) return name;
    }
  }
  return undefined;
}

function firstCity(text: string): string | undefined {
  let best: { city: string; at: number } | undefined;
  for (const city of CITIES) {
    const at = text.search(new RegExp(`\\b${city.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`));
    if (at >= 0 && (!best || at < best.at)) best = { city, at };
  }
  return best?.city;
}

/** "2025-04-03", or "2025-04-03/2025-04-04" for a span of days, from the first full date the text gives. */
function firstDate(text: string, reference: Date | undefined): string | undefined {
  // Without a publication date, only dates that state their year count.
  const found = findDates(text, reference ?? new Date(Date.UTC(2000, 0, 1))).find(
    (date) => date.year !== undefined && date.month !== undefined && (date.yearCertain || reference !== undefined),
  );
  if (!found?.year || !found.month) return undefined;
  const month = String(found.month).padStart(2, "0");
  if (!found.day) return `${found.year}-${month}`;
  const day = String(found.day).padStart(2, "0");
  const last = /(\d{1,2})\s*[-–]\s*(\d{1,2})/.exec(found.text)?.[2];
  return last ? `${found.year}-${month}-${day}/${found.year}-${month}-${last.padStart(2, "0")}` : `${found.year}-${month}-${day}`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CITY = `(${[...CITIES]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|")})`;
const EVENT_PATTERNS: { kind: "ministerial" | "summit"; pattern: RegExp }[] = [
  { kind: "ministerial", pattern: new RegExp(`\\b(foreign|defen[cs]e) ministers?\\b[^.\\n]{0,60}?\\b(?:in|at)\\s+${CITY}`, "i") },
  { kind: "ministerial", pattern: new RegExp(`\\bministers of (foreign affairs|defen[cs]e)\\b[^.\\n]{0,40}?\\b(?:in|at)\\s+${CITY}`, "i") },
  { kind: "summit", pattern: new RegExp(`\\b()${CITY}\\s+summit\\b`, "i") },
  { kind: "summit", pattern: new RegExp(`\\bsummit\\b()[^.\\n]{0,40}?\\b(?:in|at)\\s+${CITY}`, "i") },
];

type FoundEvent = { event: string; place: string; at: number };

/** The earliest "foreign ministers … in Antalya" or "Hague summit" in the text, as an event and its city. */
function findEvent(text: string): FoundEvent | undefined {
  let best: FoundEvent | undefined;
  for (const { kind, pattern } of EVENT_PATTERNS) {
    const match = pattern.exec(text);
    if (!match || (best && match.index >= best.at)) continue;
    const place = CITIES.find((city) => city.toLowerCase() === match[2]!.toLowerCase()) ?? match[2]!;
    const informal = /\binformal\b/i.test(text.slice(Math.max(0, match.index - 40), match.index + match[0].length));
    const ministers = /defen[cs]e/i.test(match[1] ?? "") ? "defence" : "foreign";
    const event = kind === "summit" ? `NATO summit in ${place}` : `${informal ? "informal " : ""}meeting of NATO ${ministers} ministers in ${place}`;
    best = { event, place, at: match.index };
  }
  return best;
}

/** "The meeting of NATO Ministers of Defence" with its city named elsewhere (a dateline, "NATO Headquarters"). */
function describeUnplacedEvent(text: string, place: string | undefined): string | undefined {
  const where = place ? ` in ${place}` : "";
  const ministers = /\b(foreign|defen[cs]e) ministers\b|\bministers of (foreign affairs|defen[cs]e)\b/i.exec(text);
  if (ministers)
    return `${/\binformal\b/i.test(text) ? "informal " : ""}meeting of NATO ${/defen/i.test(ministers[0]) ? "defence" : "foreign"} ministers${where}`;
  if (/\bsummit\b/i.test(text)) return `NATO summit${where}`;
  return undefined;
}

/**
 * Reads an article's frame from its title, dateline, first paragraphs and the dates in them. Pure and cheap: it
 * looks only at the head of the text. The teacher sees it and can correct it before candidates are made.
 */
export function findContextFrame(input: { title: string; text: string; date?: string }): ContextFrame {
  const lines = input.text
    .split(/\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const head = lines.join("\n").slice(0, 3000);
  const stated = input.date ?? /\b(\d{4}-\d{2}-\d{2})\b/.exec(head.slice(0, 200))?.[1];
  const reference = stated && /^\d{4}-\d{2}-\d{2}$/.test(stated) ? new Date(`${stated}T12:00:00Z`) : undefined;
  // The event comes from the title or the lead: a summit mentioned in passing further down is not the subject.
  const lead = lines.slice(0, 3).join("\n");
  const found = findEvent(input.title) ?? findEvent(lead);
  const place =
    found?.place ?? (/\bNATO Headquarters\b/i.test(head.slice(0, 600)) ? "Brussels" : undefined) ?? findDateline(lines) ?? firstCity(`${input.title} ${head}`);
  const date = firstDate(`${input.title}\n${head}`, reference) ?? (stated && /^\d{4}(-\d{2}){0,2}$/.test(stated) ? stated : undefined);
  const event =
    found?.event ?? describeUnplacedEvent(input.title, place) ?? (input.title.replace(/\s+/g, " ").trim() || `NATO news${place ? ` in ${place}` : ""}`);
  return { event, ...(place ? { place } : {}), ...(date ? { date } : {}) };
}

/** Whether the article opens with a dateline ("WASHINGTON — "), as news reports do and reference entries do not. */
export function hasDateline(text: string): boolean {
  return findDateline(text.split("\n").filter((line) => line.trim())) !== undefined;
}

/** "3–4 April 2025", "April 2025" or "2025", as a stem shows a frame's date. */
export function formatFrameDate(date: string): string {
  const [start = "", end] = date.split("/");
  const [year, month, day] = start.split("-");
  if (!month) return year ?? "";
  const monthName = MONTHS[Number(month) - 1] ?? "";
  if (!day) return `${monthName} ${year}`;
  const lastDay = end?.split("-")[2];
  return lastDay && lastDay !== day ? `${Number(day)}–${Number(lastDay)} ${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** Whether the frame names a meeting a stem can say "At the …" of, rather than a news story's headline. */
export function isMeetingFrame(frame: ContextFrame): boolean {
  return /^(informal )?(meeting of NATO|NATO summit)/.test(frame.event);
}

/**
 * The phrase a stem opens with: "At the meeting of NATO foreign ministers in Brussels (3–4 April 2025)" for what
 * happened at a meeting, "In coverage of the meeting …" for what its report mentions besides, and "As reported
 * from Washington on 7 March 2024" for a story, which places it without claiming it happened at an event.
 */
export function framePhrase(frame: ContextFrame, aboutTheEvent = true): string {
  if (!isMeetingFrame(frame) || !aboutTheEvent) {
    const place = frame.place ? ` from ${frame.place}` : "";
    const date = frame.date ? ` ${/^\d{4}$/.test(frame.date) ? "in" : "on"} ${formatFrameDate(frame.date)}` : "";
    // A meeting's article also reports things that did not happen at the meeting; "At the …" would misplace them.
    if (isMeetingFrame(frame)) return `In coverage of the ${frame.event}${frame.date ? ` (${formatFrameDate(frame.date)})` : ""}`;
    return place || date ? `As reported${place}${date}` : `According to the article "${frame.event}"`;
  }
  const event = frame.event.replace(/^(the|a|an)\s+/i, "");
  const date = frame.date ? ` (${formatFrameDate(frame.date)})` : "";
  const article = /^(NATO|[A-Z][a-z]+ [A-Z])/.test(event) && !/^NATO (summit|meeting)/.test(event) ? "" : "the ";
  return `At ${article}${event}${date}`;
}
