import type { ForecastDay } from "@/lib/progress/forecast";
import { ChartFigure } from "./chart-figure";
import { ColumnChart } from "./column-chart";
import { countOf } from "@/app/_components/count-of";
import { formatDayKey } from "./format";

/** Cards falling due on each of the next 30 study days. */
export function ForecastChart({ forecast }: { forecast: ForecastDay[] }) {
  const total = forecast.reduce((sum, day) => sum + day.due, 0);
  return (
    <ChartFigure
      title="Reviews due in the next 30 days"
      caption={`${countOf(total, "review")} due over 30 days; overdue cards are counted today.`}
      table={{ caption: "Reviews due per day", columns: ["Day", "Reviews due"], rows: forecast.map((day) => [formatDayKey(day.day), day.due]) }}
      empty={total === 0 ? "Nothing is scheduled yet. Cards you study will be forecast here." : undefined}
    >
      <ColumnChart points={forecast.map((day) => ({ day: day.day, value: day.due }))} formatValue={String} labelEvery={7} />
    </ChartFigure>
  );
}
