import type { DayActivity } from "@/lib/progress/activity";
import { ChartFigure } from "./chart-figure";
import { countOf } from "@/app/_components/count-of";
import { formatDayKey, formatMonthOfKey } from "./format";

const CELL = 11;
const GAP = 2;
const LEFT = 24;
const TOP = 4;
const PHONE_DAYS = 26 * 7;
const WEEKDAY_LABELS = ["Mon", "", "Wed", "", "Fri", "", ""];

function weekdayOf(key: string): number {
  // Monday first, as the weekly charts count weeks.
  return (new Date(`${key}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function intensity(count: number, max: number): number {
  return count === 0 ? 0 : 0.25 + 0.75 * Math.min(1, count / max);
}

function summarizeByMonth(days: readonly DayActivity[]): (string | number)[][] {
  const months = new Map<string, { reviews: number; activeDays: number }>();
  for (const day of days) {
    const label = formatMonthOfKey(day.day);
    const month = months.get(label) ?? { reviews: 0, activeDays: 0 };
    month.reviews += day.reviews;
    if (day.reviews > 0) month.activeDays += 1;
    months.set(label, month);
  }
  return [...months].map(([label, month]) => [label, month.reviews, month.activeDays]);
}

function HeatmapGrid({ days, max }: { days: DayActivity[]; max: number }) {
  const firstOffset = days[0] ? weekdayOf(days[0].day) : 0;
  const weeks = Math.ceil((days.length + firstOffset) / 7);
  return (
    <svg viewBox={`0 0 ${LEFT + weeks * (CELL + GAP)} ${TOP + 7 * (CELL + GAP)}`} className="h-auto w-full" role="presentation">
      {WEEKDAY_LABELS.map((label, row) => (
        <text key={row} x={0} y={TOP + row * (CELL + GAP) + CELL - 2} fontSize={8} className="fill-muted">
          {label}
        </text>
      ))}
      {days.map((day, index) => {
        const slot = index + firstOffset;
        return (
          <rect
            key={day.day}
            x={LEFT + Math.floor(slot / 7) * (CELL + GAP)}
            y={TOP + (slot % 7) * (CELL + GAP)}
            width={CELL}
            height={CELL}
            rx={2}
            className={day.reviews > 0 ? "fill-brand" : "fill-line"}
            fillOpacity={day.reviews > 0 ? intensity(day.reviews, max) : 0.6}
          >
            <title>{`${formatDayKey(day.day)}: ${countOf(day.reviews, "review")}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** Reviews on each day of the last year, one column per week; darker is busier. */
export function HeatmapChart({ days }: { days: DayActivity[] }) {
  const max = Math.max(1, ...days.map((day) => day.reviews));
  const total = days.reduce((sum, day) => sum + day.reviews, 0);
  const activeDays = days.filter((day) => day.reviews > 0).length;
  const busiest = days.reduce<DayActivity | undefined>((best, day) => (!best || day.reviews > best.reviews ? day : best), undefined);
  return (
    <ChartFigure
      title="Reviews in the last year"
      caption={
        total > 0
          ? `${countOf(total, "review")} on ${countOf(activeDays, "day")}; busiest day ${formatDayKey(busiest!.day)} with ${busiest!.reviews}.`
          : "Each square is one study day."
      }
      table={{ caption: "Reviews per month in the last year", columns: ["Month", "Reviews", "Days studied"], rows: summarizeByMonth(days) }}
      empty={total === 0 ? "No reviews yet. Every day you study will show up here." : undefined}
    >
      {/* A whole year is too dense for a phone, which gets the last half year. */}
      <div className="hidden sm:block">
        <HeatmapGrid days={days} max={max} />
      </div>
      <div className="sm:hidden">
        <HeatmapGrid days={days.slice(-PHONE_DAYS)} max={max} />
      </div>
    </ChartFigure>
  );
}
