import { formatDayKey } from "./format";

// Sized near the card's real width so 11-unit text reads as about 11px on phones and in the two-column layout.
const WIDTH = 360;
const HEIGHT = 170;
const PLOT_TOP = 18;
const PLOT_BOTTOM = 144;

/** Vertical bars over study days (or weeks, keyed by their first day), labelled every `labelEvery` bars. */
export function ColumnChart(props: { points: { day: string; value: number }[]; formatValue: (value: number) => string; labelEvery: number }) {
  const max = Math.max(1, ...props.points.map((point) => point.value));
  const slot = WIDTH / Math.max(1, props.points.length);
  const scale = (PLOT_BOTTOM - PLOT_TOP) / max;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="presentation">
      <line x1={0} x2={WIDTH} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} className="stroke-line" />
      <text x={0} y={10} fontSize={11} className="fill-muted">{`max ${props.formatValue(max)}`}</text>
      {props.points.map((point, index) => {
        const height = point.value * scale;
        const x = index * slot;
        return (
          <g key={point.day}>
            {point.value > 0 && <rect x={x + slot * 0.15} y={PLOT_BOTTOM - height} width={slot * 0.7} height={height} rx={2} className="fill-brand" />}
            {index % props.labelEvery === 0 && (
              <text x={index === 0 ? 0 : x + slot / 2} y={HEIGHT - 8} fontSize={11} textAnchor={index === 0 ? "start" : "middle"} className="fill-muted">
                {formatDayKey(point.day)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
