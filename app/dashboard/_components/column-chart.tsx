import { formatDayKey } from "./format";

// Sized near the card's real width so 11-unit text reads as about 11px on phones and in the two-column layout.
const WIDTH = 360;
const HEIGHT = 170;
const PLOT_TOP = 18;
const PLOT_BOTTOM = 144;
// Room a day label ("30 Dec", about 33 units at 11) needs on each side of its centre, plus a margin from the edge.
const LABEL_HALF_WIDTH = 24;

/** Where a label centred on `centre` is drawn: the first starts at the left edge, one near the right edge ends short of it. */
function labelPlacement(index: number, centre: number): { x: number; textAnchor: "start" | "middle" | "end" } {
  if (index === 0) return { x: 0, textAnchor: "start" };
  if (centre + LABEL_HALF_WIDTH > WIDTH) return { x: WIDTH - 6, textAnchor: "end" };
  return { x: centre, textAnchor: "middle" };
}

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
              <text {...labelPlacement(index, x + slot / 2)} y={HEIGHT - 8} fontSize={11} className="fill-muted">
                {formatDayKey(point.day)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
