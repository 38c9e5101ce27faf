import * as chrono from "chrono-node";
import type { Mention } from "./types";

const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const DAYS = "\\d{1,2}(?:[-–]\\d{1,2})?";
// A calendar date names a month: "May 14-15", "3-4 April 2025", "July 2025". Relative expressions
// ("Thursday", "three months", "now") depend on a publication date the reader of a card does not see.
// Capitalized month names only, so the modal "may" is never read as a date.
const CALENDAR_DATE = new RegExp(`(?:\\b${DAYS}\\s+)?\\b${MONTH}\\b\\.?(?:\\s+${DAYS}\\b)?(?:,?\\s+\\d{4}\\b)?`, "g");

// The casual English parser runs some twenty sub-parsers (times, weekdays, "3 days ago") and costs
// milliseconds per call; dates here always name a month, so the month-name parsers alone read them
// about a hundred times faster. Should a chrono release rename its parser classes, fall back to casual.
const monthNameParsers = chrono.en.casual.parsers.filter((parser) => /MonthName/.test(parser.constructor.name));
const monthNameReader = monthNameParsers.length > 0 ? new chrono.Chrono({ parsers: monthNameParsers, refiners: chrono.en.casual.refiners }) : chrono.en.casual;

/**
 * Finds calendar dates and reads their day, month and year with chrono. Only the short date
 * strings go to chrono: parsing whole sentences costs far more and finds nothing more a card can use.
 */
export function findDates(text: string, referenceDate: Date): Mention[] {
  return [...text.matchAll(CALENDAR_DATE)].flatMap((match) => {
    const shown = match[0].replace(/[.,\s]+$/, "");
    // chrono reads "May 14-15" but not "May 14–15".
    const parsed = monthNameReader.parse(shown.replace(/–/g, "-"), referenceDate)[0];
    const month = parsed?.start.get("month");
    if (!parsed || !month) return [];
    const day = parsed.start.isCertain("day") ? (parsed.start.get("day") ?? undefined) : undefined;
    const year = parsed.start.get("year") ?? undefined;
    const yearCertain = parsed.start.isCertain("year");
    const lastDay = parsed.end?.get("day");
    return [
      {
        text: shown,
        start: match.index,
        end: match.index + shown.length,
        type: "date" as const,
        key: `date:${yearCertain ? year : "?"}-${month}-${day ?? "?"}${lastDay ? `-${lastDay}` : ""}`,
        month,
        ...(day === undefined ? {} : { day }),
        ...(year === undefined ? {} : { year }),
        yearCertain,
      },
    ];
  });
}
