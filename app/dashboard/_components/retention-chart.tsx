import type { WeekRetention } from "@/lib/progress/retention";
import { ChartFigure } from "./chart-figure";
import { formatDayKey, formatPercent } from "./format";

const WIDTH = 360;
const HEIGHT = 170;
const LEFT = 36;
const TOP = 10;
const BOTTOM = 144;
const GRID = [0.5, 0.75, 1];

function y(share: number): number {
  // 50% to 100%: true retention below half is rare and would flatten the useful range.
  return BOTTOM - ((Math.max(0.5, share) - 0.5) / 0.5) * (BOTTOM - TOP);
}

/** True retention per week as a line; weeks without review-state answers leave a gap. */
export function RetentionChart({ weeks, desiredRetention }: { weeks: WeekRetention[]; desiredRetention: number }) {
  const step = (WIDTH - LEFT - 10) / Math.max(1, weeks.length - 1);
  const points = weeks.map((week, index) => ({ week, x: LEFT + index * step }));
  const segments: string[] = [];
  let current = "";
  for (const { week, x } of points) {
    if (week.retention === null) {
      if (current) segments.push(current);
      current = "";
      continue;
    }
    current += `${current ? "L" : "M"}${x.toFixed(1)},${y(week.retention).toFixed(1)}`;
  }
  if (current) segments.push(current);
  const measured = weeks.filter((week) => week.retention !== null);
  return (
    <ChartFigure
      title="True retention per week"
      caption={`Share of reviews of cards in review (not learning steps) you answered Hard, Good or Easy. Dashed line: your desired retention, ${formatPercent(desiredRetention)}.`}
      table={{
        caption: "True retention per week",
        columns: ["Week starting", "Retention", "Reviews"],
        rows: weeks.map((week) => [formatDayKey(week.weekStart), week.retention === null ? "no reviews" : formatPercent(week.retention), week.reviews]),
      }}
      empty={measured.length === 0 ? "Retention appears once cards you learned come back for review." : undefined}
    >
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="presentation">
        {GRID.map((share) => (
          <g key={share}>
            <line x1={LEFT} x2={WIDTH} y1={y(share)} y2={y(share)} className="stroke-line" />
            <text x={0} y={y(share) + 4} fontSize={11} className="fill-muted">
              {formatPercent(share)}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={WIDTH} y1={y(desiredRetention)} y2={y(desiredRetention)} strokeDasharray="6 4" className="stroke-muted" />
        {segments.map((path) => (
          <path key={path} d={path} fill="none" strokeWidth={2.5} className="stroke-brand" />
        ))}
        {points.map(({ week, x }) =>
          week.retention === null ? null : <circle key={week.weekStart} cx={x} cy={y(week.retention)} r={3.5} className="fill-brand" />,
        )}
        {points.map(({ week, x }, index) =>
          index % 4 === 0 ? (
            <text key={week.weekStart} x={x} y={HEIGHT - 8} fontSize={11} textAnchor={index === 0 ? "start" : "middle"} className="fill-muted">
              {formatDayKey(week.weekStart)}
            </text>
          ) : null,
        )}
      </svg>
    </ChartFigure>
  );
}
