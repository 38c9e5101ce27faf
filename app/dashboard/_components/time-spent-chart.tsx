import type { DayActivity, WeekActivity } from "@/lib/progress/activity";
import { ChartFigure } from "./chart-figure";
import { ColumnChart } from "./column-chart";
import { formatDayKey, formatDuration } from "./format";

/** Time spent answering cards per day (last 30 days) and per week (last 12 weeks). */
export function TimeSpentChart({ days, weeks }: { days: DayActivity[]; weeks: WeekActivity[] }) {
  const lastMonth = days.reduce((sum, day) => sum + day.durationMs, 0);
  const total = weeks.reduce((sum, week) => sum + week.durationMs, 0);
  return (
    <ChartFigure
      title="Time spent studying"
      caption={`${formatDuration(lastMonth)} in the last 30 days, ${formatDuration(total)} in the last 12 weeks. Weeks start on Monday.`}
      table={{
        caption: "Time spent per week",
        columns: ["Week starting", "Time", "Reviews"],
        rows: weeks.map((week) => [formatDayKey(week.weekStart), formatDuration(week.durationMs), week.reviews]),
      }}
      empty={total === 0 ? "No study time recorded in the last 12 weeks." : undefined}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <p className="text-sm font-semibold">Per day</p>
          <ColumnChart points={days.map((day) => ({ day: day.day, value: day.durationMs }))} formatValue={formatDuration} labelEvery={7} />
        </div>
        <div>
          <p className="text-sm font-semibold">Per week</p>
          <ColumnChart points={weeks.map((week) => ({ day: week.weekStart, value: week.durationMs }))} formatValue={formatDuration} labelEvery={4} />
        </div>
      </div>
    </ChartFigure>
  );
}
