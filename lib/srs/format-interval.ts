const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365 * DAY_MS;
const MONTH_MS = YEAR_MS / 12;

function formatOneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A short Anki-style interval label: "45s", "10m", "3h", "12d", "3.2mo", "1.1y". */
export function formatInterval(ms: number): string {
  const span = Math.max(0, ms);
  if (span < MINUTE_MS) return `${Math.round(span / SECOND_MS)}s`;
  if (span < HOUR_MS) return `${Math.round(span / MINUTE_MS)}m`;
  if (span < DAY_MS) return `${Math.round(span / HOUR_MS)}h`;
  if (span < MONTH_MS) return `${Math.round(span / DAY_MS)}d`;
  if (span < YEAR_MS) return `${formatOneDecimal(span / MONTH_MS)}mo`;
  return `${formatOneDecimal(span / YEAR_MS)}y`;
}
