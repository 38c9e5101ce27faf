/** One horizontal bar split into segments in proportion to their values; it stretches to its container's width. */
export function StackedBar({ segments }: { segments: { key: string; value: number; className: string }[] }) {
  const total = segments.reduce((sum, segment) => sum + segment.value, 0);
  let x = 0;
  return (
    <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-4 w-full overflow-hidden rounded" role="presentation">
      {total === 0 ? (
        <rect width={100} height={10} className="fill-line" fillOpacity={0.5} />
      ) : (
        segments.map((segment) => {
          const width = (segment.value / total) * 100;
          const rect = <rect key={segment.key} x={x} width={width} height={10} className={segment.className} />;
          x += width;
          return rect;
        })
      )}
    </svg>
  );
}
